//! Key-account development (KAM-SPEC §3, §5, §6): on the account page, its categories
//! and why, its group, contracts, payment record, referrals, strategic flag, the
//! development-value forecast, and relationship assessments with the class and strategy
//! they lead to; reading and writing the account's development record (never over one
//! that cannot be read). The rules are `domain::development`.

pub mod account;
pub mod portfolio_page;

use leptos::prelude::*;

use crate::domain::development::categories::{CategorySettings, CategorySettingsDoc};
use crate::domain::development::{AccountDevelopment, DevelopmentDoc};
use crate::domain::doc::UnreadableDoc;
use crate::domain::{AccountId, Workspace};
use crate::i18n::fill;

use super::state::{AppState, Notice};

/// The account's development record as it stands, read again only when it changes.
pub fn development_memo(
    app: AppState,
    id: AccountId,
) -> Memo<Result<AccountDevelopment, UnreadableDoc>> {
    let doc = Memo::new(move |_| {
        app.workspace
            .with(|ws| ws.account(id).and_then(|a| a.development.clone()))
    });
    Memo::new(move |_| doc.with(|d| DevelopmentDoc::read_or_empty(d.as_ref())))
}

/// Edits the account's development record; refused (and said) when the stored record
/// cannot be read, so nothing is written over it.
pub fn edit_development(app: AppState, id: AccountId, f: impl FnOnce(&mut AccountDevelopment)) {
    let current = app.workspace.with_untracked(|ws| {
        ws.account(id)
            .map(|a| DevelopmentDoc::read_or_empty(a.development.as_ref()))
    });
    let Some(Ok(mut development)) = current else {
        app.notify(Notice::Error(fill(app.t().dev_unreadable, &[&"—"])));
        return;
    };
    f(&mut development);
    let Ok(doc) = DevelopmentDoc::write(&development) else {
        return;
    };
    let now = app.now();
    app.edit(|ws| {
        ws.update_account(id, now, |a| a.development = doc);
    });
}

/// The workspace's category thresholds; the defaults when none are set or they cannot
/// be read (the settings page says so).
pub fn category_settings(ws: &Workspace) -> CategorySettings {
    CategorySettingsDoc::read_or_empty(ws.categories.as_ref()).unwrap_or_default()
}

/// What [`list_extras`] shows besides the category filter.
#[derive(Clone, Copy, Debug)]
pub struct Extras {
    /// The line on this year's preliminary list plan (the account list).
    pub plan_line: bool,
    /// The filter's `data-testid`.
    pub key: &'static str,
}

/// A list's extras: a filter by key-account category (the ids of the accounts in the
/// chosen category go into `within`, worked out again when the workspace changes) and,
/// on the account list, a line on this year's preliminary list plan.
pub fn list_extras(app: AppState, within: super::pages::Within, extras: Extras) -> AnyView {
    use crate::domain::development::categories::Category;
    use crate::domain::development::list_plan::{totals, ListPlanDoc};
    use chrono::Datelike;

    let chosen = RwSignal::new(None::<Category>);
    // "Clear filters" empties `within`: the choice follows.
    Effect::new(move |_| {
        if within.with(Option::is_none) && chosen.get_untracked().is_some() {
            chosen.set(None);
        }
    });
    Effect::new(move |_| {
        let Some(category) = chosen.get() else {
            if within.with_untracked(Option::is_some) {
                within.set(None);
            }
            return;
        };
        let mut ids: Vec<AccountId> = app.workspace.with(|ws| {
            portfolio_page::categorised(ws)
                .into_iter()
                .filter(|(_, found)| found.iter().any(|(c, _)| *c == category))
                .map(|(id, _)| id)
                .collect()
        });
        // Sorted: the list looks ids up by binary search.
        ids.sort_unstable();
        if within.with_untracked(|w| w.as_deref() != Some(ids.as_slice())) {
            within.set(Some(ids.into()));
        }
    });
    let year = super::plan::today().year();
    let plan_line = move || {
        if !extras.plan_line {
            return None;
        }
        let t = app.t();
        app.workspace.with(|ws| {
            let plan = ListPlanDoc::read_or_empty(ws.list_plan.as_ref()).ok()?;
            let plan = plan.year(year)?;
            let all = totals(&portfolio_page::list_progress(ws, plan));
            Some(view! {
                <p class="list-plan-line" data-testid="list-plan-line">
                    <a href=super::router::Route::Portfolio.href()>
                        {fill(t.list_plan_line, &[&year, &all.collected_total(), &all.planned.total()])}
                    </a>
                </p>
            })
        })
    };
    view! {
        <label class="field">
            <span>{super::widgets::tr(|t| t.filter_category)}</span>
            <select data-testid=extras.key on:change=move |ev| {
                chosen.set(Category::from_slug(&event_target_value(&ev)));
            }>
                <option value="" prop:selected=move || chosen.get().is_none()>{super::widgets::tr(|t| t.filter_all)}</option>
                {Category::ALL.into_iter().map(|c| view! {
                    <option value=c.slug() prop:selected=move || chosen.get() == Some(c)>{move || app.t().category(c)}</option>
                }).collect_view()}
            </select>
        </label>
        {plan_line}
    }
    .into_any()
}
