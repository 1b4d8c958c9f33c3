//! Overdue actions across every account of the workspace, oldest first: the "my overdue
//! actions" list once an owner is chosen. The choice is remembered in this browser.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::plan::strategy::{action_owners, overdue_actions, same_owner};
use crate::domain::plan::Section;
use crate::i18n::fill;
use crate::storage::local;

use super::plan::today;
use super::router::Route;
use super::state::use_app;
use super::widgets::{redraw, select_field, tr, SelectOptions, ShowMore, PAGE_SIZE};

#[component]
pub fn ActionsPage() -> impl IntoView {
    let app = use_app();
    let today = today();
    let shown = RwSignal::new(PAGE_SIZE);
    // Every account's actions, read from its plan (a plan that cannot be read has none
    // to list; its own page says why).
    let actions = Memo::new(move |_| {
        app.workspace.with(|ws| {
            ws.accounts
                .iter()
                .filter_map(|a| {
                    let plan = a.plan.as_ref()?.read().ok()?;
                    (!plan.actions.is_empty()).then_some((a.id, plan.actions))
                })
                .collect::<Vec<_>>()
        })
    });
    let owners = Memo::new(move |_| {
        actions.with(|all| action_owners(all.iter().flat_map(|(_, list)| list.iter())))
    });
    let chosen = RwSignal::new(local::read(local::ACTIONS_OWNER_KEY).unwrap_or_default());
    // A remembered owner counts only while some action still names them; otherwise the
    // list shows everyone's rather than an empty page nobody can explain.
    let owner = Memo::new(move |_| {
        let chosen = chosen.get();
        owners.with(|o| o.iter().find(|name| same_owner(name, &chosen)).cloned())
    });
    let overdue = Memo::new(move |_| {
        let owner = owner.get();
        actions.with(|all| {
            overdue_actions(
                all.iter().map(|(id, list)| (*id, list.as_slice())),
                owner.as_deref(),
                today,
            )
        })
    });
    let options: Signal<SelectOptions> = Signal::derive(move || {
        let mut options = vec![(String::new(), app.t().actions_owner_all.to_owned())];
        owners.with(|o| options.extend(o.iter().map(|name| (name.clone(), name.clone()))));
        options
    });
    let filter = select_field(
        |t| t.actions_owner_filter,
        "actions.owner".into(),
        options,
        Signal::derive(move || owner.get().unwrap_or_default()),
        Arc::new(move |name: String| {
            // Not remembering the choice (storage blocked or full) only costs a re-pick.
            if name.is_empty() {
                local::remove(local::ACTIONS_OWNER_KEY);
            } else {
                let _ = local::save(local::ACTIONS_OWNER_KEY, &name);
            }
            chosen.set(name);
            shown.set(PAGE_SIZE);
        }),
    );
    let rows = redraw(Arc::new(move || {
        let t = app.t();
        let limit = shown.get();
        overdue.with(|list| {
            app.workspace.with(|ws| {
                let accounts = ws.accounts_by_id();
                let by_account: std::collections::HashMap<_, _> =
                    actions.with(|all| all.iter().map(|(id, l)| (*id, l.clone())).collect());
                list.iter()
                    .take(limit)
                    .filter_map(|o| {
                        let account = accounts.get(&o.account)?;
                        let action = by_account.get(&o.account)?.iter().find(|a| a.id == o.action)?;
                        Some(view! {
                            <tr data-account-id=account.id.to_string() data-action=action.id.to_string()>
                                <td>
                                    <a href=Route::Plan(account.id, Section::Actions).href()>{account.name.clone()}</a>
                                </td>
                                <td class="task">{action.task.clone()}</td>
                                <td>{action.owner.clone()}</td>
                                <td>{t.day(o.due)}</td>
                                <td class="num overdue-days">{fill(t.actions_days_overdue, &[&o.days_overdue(today)])}</td>
                            </tr>
                        })
                    })
                    .collect_view()
                    .into_any()
            })
        })
    }));
    let count = move || overdue.with(Vec::len);
    view! {
        <section class="page actions-page">
            <div class="page-head">
                <h1>{tr(|t| t.actions_title)}</h1>
            </div>
            <p class="hint">{tr(|t| t.actions_page_hint)}</p>
            <div class="filters">{filter}</div>
            <Show when=move || { count() > 0 } fallback=move || view! {
                <p class="empty-state" data-testid="no-overdue">{tr(|t| t.actions_none)}</p>
            }>
                <p class="count" data-testid="overdue-total">
                    {move || fill(app.t().actions_overdue_count, &[&count()])}
                </p>
                <div class="table-wrap">
                    <table class="data-table overdue-table" data-testid="overdue-actions">
                        <thead>
                            <tr>
                                <th scope="col">{tr(|t| t.actions_account)}</th>
                                <th scope="col">{tr(|t| t.action_task)}</th>
                                <th scope="col">{tr(|t| t.action_owner)}</th>
                                <th scope="col">{tr(|t| t.action_due)}</th>
                                <th scope="col" class="num">{tr(|t| t.action_overdue)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows.clone()}</tbody>
                    </table>
                </div>
                <ShowMore shown=shown total=Signal::derive(count)/>
            </Show>
        </section>
    }
}
