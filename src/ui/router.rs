//! Addresses live in the URL fragment (`#/accounts/3`), so every view survives a reload
//! on any plain static server and from any sub-path: the server only ever sees
//! `index.html`. (leptos_router routes by path, which a static host cannot serve.)

use leptos::prelude::*;

use crate::domain::plan::Section;
use crate::domain::AccountId;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Accounts,
    NewAccount,
    Account(AccountId),
    Model,
    Ranking,
    Matrix,
    Pyramid,
    Workspaces,
    /// Importing accounts from a spreadsheet.
    Import,
    /// One section of an account's plan.
    Plan(AccountId, Section),
    /// The account plan laid out for printing.
    PlanPrint(AccountId),
    /// Overdue actions across all accounts.
    Actions,
    /// Merging a workspace file into the open workspace (the file is held in memory).
    Merge,
    /// Our own people, and "who am I".
    People,
    /// Target accounts due for a contact by their cadence.
    Contacts,
    /// The development pipeline.
    Pipeline,
    /// The key business-behaviour calendar.
    Calendar,
    /// Inbound inquiries and their service deadlines.
    Inquiries,
    /// The annual review: closing a year, comparing two.
    Review,
    /// Key-account categories, the classification grid and the preliminary list plan.
    Portfolio,
    /// Joining a shared workspace from a share link (`#/join?server=…&doc=…`; the page
    /// reads the query itself).
    Join,
    /// An address we do not know; shown as the account list with no error, since old
    /// bookmarks should still land somewhere useful.
    Unknown,
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        // A query (a share link's) is the page's to read.
        let path = path.split('?').next().unwrap_or_default();
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] | ["accounts"] => Route::Accounts,
            ["accounts", "new"] => Route::NewAccount,
            ["accounts", id] => id.parse().map_or(Route::Unknown, Route::Account),
            ["accounts", id, "plan"] => id
                .parse()
                .map_or(Route::Unknown, |id| Route::Plan(id, Section::Summary)),
            ["accounts", id, "plan", "print"] => {
                id.parse().map_or(Route::Unknown, Route::PlanPrint)
            }
            ["accounts", id, "plan", section] => match (id.parse(), Section::from_slug(section)) {
                (Ok(id), Some(section)) => Route::Plan(id, section),
                _ => Route::Unknown,
            },
            ["actions"] => Route::Actions,
            ["model"] => Route::Model,
            ["ranking"] => Route::Ranking,
            ["matrix"] => Route::Matrix,
            ["pyramid"] => Route::Pyramid,
            ["workspaces"] => Route::Workspaces,
            ["import"] => Route::Import,
            ["merge"] => Route::Merge,
            ["people"] => Route::People,
            ["contacts"] => Route::Contacts,
            ["pipeline"] => Route::Pipeline,
            ["calendar"] => Route::Calendar,
            ["inquiries"] => Route::Inquiries,
            ["review"] => Route::Review,
            ["portfolio"] => Route::Portfolio,
            ["join"] => Route::Join,
            _ => Route::Unknown,
        }
    }

    pub fn href(self) -> String {
        match self {
            Route::Accounts | Route::Unknown => "#/accounts".into(),
            Route::NewAccount => "#/accounts/new".into(),
            Route::Account(id) => format!("#/accounts/{id}"),
            Route::Model => "#/model".into(),
            Route::Ranking => "#/ranking".into(),
            Route::Matrix => "#/matrix".into(),
            Route::Pyramid => "#/pyramid".into(),
            Route::Workspaces => "#/workspaces".into(),
            Route::Import => "#/import".into(),
            Route::Plan(id, Section::Summary) => format!("#/accounts/{id}/plan"),
            Route::Plan(id, section) => format!("#/accounts/{id}/plan/{}", section.slug()),
            Route::PlanPrint(id) => format!("#/accounts/{id}/plan/print"),
            Route::Actions => "#/actions".into(),
            Route::Merge => "#/merge".into(),
            Route::People => "#/people".into(),
            Route::Contacts => "#/contacts".into(),
            Route::Pipeline => "#/pipeline".into(),
            Route::Calendar => "#/calendar".into(),
            Route::Inquiries => "#/inquiries".into(),
            Route::Review => "#/review".into(),
            Route::Portfolio => "#/portfolio".into(),
            Route::Join => "#/join".into(),
        }
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// A signal holding the current route, kept in step with the address bar.
///
/// A new page opens at its top, wherever the page before it was scrolled; going back or
/// forward returns to where that page was left. The browser's own restoring is turned
/// off for this: it happens before the page is drawn, so it would land on the old page's
/// height. Each history entry is told apart by a number kept in its state.
pub fn use_hash_route() -> RwSignal<Route> {
    let route = RwSignal::new(Route::parse(&current_hash()));
    let scroll = ScrollMemory::start();
    let handle = window_event_listener_untyped("hashchange", move |_| {
        let next = Route::parse(&current_hash());
        let restore = scroll.leave_and_enter();
        if route.get_untracked() != next {
            route.set(next);
        }
        scroll_after_drawing(restore.unwrap_or(0.0));
    });
    let position = window_event_listener_untyped("scroll", move |_| {
        scroll.note(
            web_sys::window()
                .and_then(|w| w.scroll_y().ok())
                .unwrap_or(0.0),
        );
    });
    on_cleanup(move || {
        handle.remove();
        position.remove();
    });
    route
}

/// Where each history entry of this visit was left, by the number in its state.
#[derive(Clone, Copy)]
struct ScrollMemory {
    /// (entry, position): a few per visit, so a list.
    left_at: StoredValue<Vec<(u32, f64)>>,
    current: StoredValue<(u32, f64)>,
    next_id: StoredValue<u32>,
    /// Tells this visit's numbers from those an earlier load of the page left in the
    /// history.
    visit: f64,
}

const ENTRY_KEY: &str = "kamEntry";
const VISIT_KEY: &str = "kamVisit";

impl ScrollMemory {
    fn start() -> Self {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
        let memory = ScrollMemory {
            left_at: StoredValue::new(Default::default()),
            current: StoredValue::new((0, 0.0)),
            next_id: StoredValue::new(1),
            visit: js_sys::Math::random(),
        };
        let id = memory.mark_entry();
        memory.current.set_value((id, 0.0));
        memory
    }

    fn note(self, y: f64) {
        self.current.update_value(|(_, at)| *at = y);
    }

    /// Records where the page being left was, and returns where the entry now shown was
    /// left if it was seen before in this visit (back or forward), or `None` for a new one.
    fn leave_and_enter(self) -> Option<f64> {
        let (left, at) = self.current.get_value();
        self.left_at
            .update_value(|m| match m.iter_mut().find(|(id, _)| *id == left) {
                Some(entry) => entry.1 = at,
                None => m.push((left, at)),
            });
        let known = self.entry_id();
        let id = known.unwrap_or_else(|| self.mark_entry());
        let restore = known.and_then(|id| {
            self.left_at
                .with_value(|m| m.iter().find(|(seen, _)| *seen == id).map(|(_, at)| *at))
        });
        self.current.set_value((id, restore.unwrap_or(0.0)));
        restore
    }

    /// Gives the current history entry a new number.
    fn mark_entry(self) -> u32 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let state = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&state, &ENTRY_KEY.into(), &id.into());
            let _ = js_sys::Reflect::set(&state, &VISIT_KEY.into(), &self.visit.into());
            let _ = history.replace_state(&state, "");
        }
        id
    }

    /// The number this visit gave the current history entry, if it gave it one.
    fn entry_id(self) -> Option<u32> {
        let state = web_sys::window()?.history().ok()?.state().ok()?;
        let field = |key: &str| js_sys::Reflect::get(&state, &key.into()).ok()?.as_f64();
        let id = field(ENTRY_KEY)?;
        (field(VISIT_KEY)? == self.visit && id >= 1.0 && id < f64::from(self.next_id.get_value()))
            .then_some(id as u32)
    }
}

/// Scrolls to `y` now and again once the page now shown has been drawn (the next frame),
/// when it has its full height.
fn scroll_after_drawing(y: f64) {
    let scroll = move || {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, y);
        }
    };
    scroll();
    leptos::task::spawn_local(async move {
        super::dom::next_frame().await;
        scroll();
    });
}

/// Goes to `route` (adds a history entry, like following a link).
pub fn navigate(route: Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.href());
    }
}
