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
    /// An address we do not know; shown as the account list with no error, since old
    /// bookmarks should still land somewhere useful.
    Unknown,
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
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
        }
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// A signal holding the current route, kept in step with the address bar.
pub fn use_hash_route() -> RwSignal<Route> {
    let route = RwSignal::new(Route::parse(&current_hash()));
    let handle = window_event_listener_untyped("hashchange", move |_| {
        route.set(Route::parse(&current_hash()));
    });
    on_cleanup(move || handle.remove());
    route
}

/// Goes to `route` (adds a history entry, like following a link).
pub fn navigate(route: Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.href());
    }
}
