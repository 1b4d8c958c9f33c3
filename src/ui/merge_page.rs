//! Merging a colleague's workspace file into the open workspace (合并工作区文件): the
//! file waiting to be merged (held in memory only, so a reload forgets it), and the page
//! that shows what the merge would do — new accounts, accounts that differ side by side
//! with a choice per field, what is not imported — and applies the user's choices.
//! The rules (matching, criteria by name, differences, applying) are in
//! `crate::domain::merge`; this page only shows the plan and records choices.
//!
//! The same page combines two versions of the open workspace when another tab saved
//! while this one had edits not yet written (`state::TabConflict`): the other tab's
//! version takes the file's place, and applying writes the result over both.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::account::Field as BasicField;
use crate::domain::development::DevelopmentDoc;
use crate::domain::engagement::team::{Colleague, ColleagueId};
use crate::domain::engagement::{EngagementDoc, SettingsDoc};
use crate::domain::merge::{
    apply_merge, plan_merge, Conflict, Field, Here, MergeChoices, MergePlan, MergeSummary, Side,
};
use crate::domain::plan::PlanDoc;
use crate::domain::{Account, Language, ScoringModel, Workspace};
use crate::i18n::{fill, Strings};

use super::router::{navigate, Route};
use super::state::{use_app, AppState, Notice};
use super::widgets::{tr, ShowMore, PAGE_SIZE};
use super::workspaces_page::display_name;

/// Accounts that differ rendered at once: each is a table, so fewer than plain rows.
const CONFLICT_PAGE: usize = 50;

/// A workspace file read and checked, waiting for the user's choices.
#[derive(Clone)]
pub struct PendingMerge {
    pub file_name: String,
    /// The workspace open when the file was chosen: the merge is for that one only.
    pub workspace_id: String,
    pub incoming: Arc<Workspace>,
    /// The incoming version is another tab's save of this workspace
    /// (`AppState::tab_conflict`, which gives its latest), not a file.
    pub from_other_tab: bool,
}

/// The merge waiting for choices, and the choices made so far; in context so they
/// survive a visit to another page, and in memory only.
#[derive(Clone, Copy)]
pub struct MergeContext {
    pending: RwSignal<Option<PendingMerge>>,
    choices: RwSignal<MergeChoices>,
}

pub fn provide_merge_context() {
    provide_context(MergeContext {
        pending: RwSignal::new(None),
        choices: RwSignal::new(MergeChoices::default()),
    });
}

pub fn use_merge_context() -> MergeContext {
    expect_context::<MergeContext>()
}

impl MergeContext {
    /// Opens the merge page for `incoming`, into the workspace open now.
    pub fn start(self, app: AppState, file_name: String, incoming: Workspace) {
        let workspace_id = app.catalogue.with_untracked(|c| c.active.clone());
        self.choices.set(MergeChoices::default());
        self.pending.set(Some(PendingMerge {
            file_name,
            workspace_id,
            incoming: Arc::new(incoming),
            from_other_tab: false,
        }));
        navigate(Route::Merge);
    }

    /// Opens the merge page for the version another tab saved of the open workspace.
    pub fn start_from_other_tab(self, app: AppState) {
        let Some(theirs) = untrack(|| app.tab_conflict()).map(|c| c.theirs) else {
            return;
        };
        self.choices.set(MergeChoices::default());
        self.pending.set(Some(PendingMerge {
            file_name: app.t().tab_conflict_source.to_owned(),
            workspace_id: app.catalogue.with_untracked(|c| c.active.clone()),
            incoming: theirs,
            from_other_tab: true,
        }));
        navigate(Route::Merge);
    }

    /// Whether the merge waiting is with another tab's version (tracked).
    fn with_other_tab(self) -> bool {
        self.pending
            .with(|p| p.as_ref().is_some_and(|p| p.from_other_tab))
    }
}

/// A text of the page that names the two sides: "mine" and the file's, or this tab's
/// and the other tab's.
fn sides(
    file: fn(&Strings) -> &'static str,
    tab: fn(&Strings) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let app = use_app();
    let merge = use_merge_context();
    move || {
        let t = app.t();
        if merge.with_other_tab() {
            tab(t)
        } else {
            file(t)
        }
    }
}

/// A stable name for a field, for form control names and test hooks.
fn field_slug(field: Field) -> String {
    match field {
        Field::Basic(field) => field.slug().into(),
        Field::Gate(gate) => format!("gate-{}", gate_slug(gate)),
        Field::ScreeningNote => "screening_note".into(),
        Field::ScoreValue(c) => format!("score-{c}"),
        Field::ScoreNote(c) => format!("score-note-{c}"),
        Field::TierOverride => "tier_override".into(),
        Field::LevelOverride => "level_override".into(),
        Field::Parent => "parent".into(),
        Field::Plan => "plan".into(),
        Field::OverallOwner => "overall_owner".into(),
        Field::DailyOwner => "daily_owner".into(),
        Field::Development => "development".into(),
        Field::Engagement => "engagement".into(),
    }
}

fn gate_slug(gate: crate::domain::Gate) -> &'static str {
    use crate::domain::Gate;
    match gate {
        Gate::Reachable => "reachable",
        Gate::Profitable => "profitable",
        Gate::Implementable => "implementable",
        Gate::Sustainable => "sustainable",
    }
}

/// What a field is called on screen; scores by my criterion's name.
pub(super) fn field_label(
    field: Field,
    t: &Strings,
    model: &ScoringModel,
    language: Language,
) -> String {
    let criterion = |id| {
        model
            .criterion(id)
            .map(|c| c.name.get(language).to_owned())
            .unwrap_or_else(|| format!("#{id}"))
    };
    let label = match field {
        Field::Basic(field) => t.field(field),
        Field::Gate(gate) => return fill(t.merge_field_gate, &[&t.gate_name(gate)]),
        Field::ScreeningNote => t.screening_note,
        Field::ScoreValue(c) => return fill(t.score_for, &[&criterion(c)]),
        Field::ScoreNote(c) => return fill(t.note_for, &[&criterion(c)]),
        Field::TierOverride => t.merge_field_tier_override,
        Field::LevelOverride => t.merge_field_level_override,
        Field::Parent => t.merge_field_parent,
        Field::Plan => t.merge_field_plan,
        Field::OverallOwner => t.merge_field_overall_owner,
        Field::DailyOwner => t.merge_field_daily_owner,
        Field::Development => t.merge_field_development,
        Field::Engagement => t.merge_field_engagement,
    };
    label.to_owned()
}

/// A field's value as shown in the side-by-side table; `None` when it is not set.
/// `person` names one of our people (mine, or one of theirs the merge adds). The group
/// parent is shown by [`parent_value`], which needs the plan's placing of theirs.
fn field_value(
    field: Field,
    account: &Account,
    t: &Strings,
    person: &dyn Fn(ColleagueId) -> Option<String>,
) -> Option<String> {
    if let Some(text) = field.text(account) {
        let text = text.trim();
        return (!text.is_empty()).then(|| text.to_owned());
    }
    match field {
        Field::Basic(BasicField::Ownership) => account.ownership.map(|o| t.ownership(o).to_owned()),
        Field::Basic(BasicField::SizeBand) => account.size_band.map(|s| t.size_band(s).to_owned()),
        Field::Basic(BasicField::Employees) => account.employees.map(|n| n.to_string()),
        Field::Basic(BasicField::Relationship) => {
            Some(t.relationship(account.relationship).to_owned())
        }
        Field::Gate(gate) => Some(t.answer(account.screening.answer(gate)).to_owned()),
        Field::ScoreValue(c) => account
            .scores
            .get(&c)
            .and_then(|s| s.value)
            .map(|v| v.to_string()),
        Field::TierOverride => Some(account.tier_override.as_ref().map_or_else(
            || t.merge_no_override.to_owned(),
            |o| fill(t.merge_override_value, &[&t.tier(o.tier), &o.reason]),
        )),
        Field::LevelOverride => Some(account.level_override.as_ref().map_or_else(
            || t.merge_no_override.to_owned(),
            |o| fill(t.merge_override_value, &[&t.level(o.level), &o.reason]),
        )),
        Field::Plan => Some(match account.plan.as_ref().map(PlanDoc::read) {
            None => t.plan_not_started.to_owned(),
            Some(Ok(plan)) => fill(t.plan_complete, &[&plan.completeness()]),
            Some(Err(reason)) => fill(t.plan_unreadable, &[&reason]),
        }),
        Field::OverallOwner => account.overall_owner.and_then(person),
        Field::DailyOwner => account.daily_owner.and_then(person),
        Field::Development => Some(
            match DevelopmentDoc::read_or_empty(account.development.as_ref()) {
                Ok(d) => fill(
                    t.merge_development_value,
                    &[&d.contracts.len(), &d.referrals.len(), &d.assessments.len()],
                ),
                Err(reason) => fill(t.merge_engagement_unreadable, &[&reason]),
            },
        ),
        Field::Engagement => Some(
            match EngagementDoc::read_or_empty(account.engagement.as_ref()) {
                Ok(e) => fill(
                    t.merge_engagement_value,
                    &[
                        &e.activities.len(),
                        &e.promotions.len(),
                        &e.pipeline.changes.len(),
                    ],
                ),
                Err(reason) => fill(t.merge_engagement_unreadable, &[&reason]),
            },
        ),
        _ => None,
    }
}

/// The group parent as shown in the side-by-side table: mine by my account's name,
/// theirs as it lands here (one of my accounts, or a new one named as in the file).
fn parent_value(conflict: &Conflict, side: Side, t: &Strings, ws: &Workspace) -> Option<String> {
    let name = |id| ws.account(id).map(|a| a.name.clone());
    match side {
        Side::Mine => conflict
            .mine
            .parent
            .map(|id| name(id).unwrap_or_else(|| format!("#{id}"))),
        Side::Theirs => conflict.parent.as_ref().map(|p| match p.here {
            Here::Mine(id) => name(id).unwrap_or_else(|| p.name.clone()),
            Here::New(_) => fill(t.merge_parent_new, &[&p.name]),
        }),
    }
}

#[component]
pub fn MergePage() -> impl IntoView {
    let app = use_app();
    let merge = use_merge_context();
    // A merge prepared for another workspace than the one open now is not offered, nor
    // one with another tab's version once that conflict has ended.
    let ready = Memo::new(move |_| {
        let active = app.catalogue.with(|c| c.active.clone());
        let conflict = app.tab_conflict().is_some();
        merge.pending.with(|p| {
            p.as_ref()
                .is_some_and(|p| p.workspace_id == active && (conflict || !p.from_other_tab))
        })
    });
    view! {
        <section class="page merge-page">
            <h1>{tr(|t| t.merge_page_title)}</h1>
            {move || if ready.get() {
                view! { <MergeReview/> }.into_any()
            } else {
                view! {
                    <div class="empty-state" data-testid="merge-nothing">
                        <p>{tr(|t| t.merge_nothing)}</p>
                        <a class="button" href=Route::Accounts.href()>{tr(|t| t.back_to_accounts)}</a>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn MergeReview() -> impl IntoView {
    let app = use_app();
    let merge = use_merge_context();
    let choices = merge.choices;
    // Worked out again if my workspace changes meanwhile (another tab): choices are
    // kept by account and field, so they still apply.
    // Another tab's version is its latest save (it may save again meanwhile).
    let plan = Memo::new(move |_| {
        merge
            .pending
            .with(|p| {
                p.as_ref().map(|p| {
                    let incoming = if p.from_other_tab {
                        app.tab_conflict().map(|c| c.theirs)
                    } else {
                        None
                    }
                    .unwrap_or_else(|| p.incoming.clone());
                    app.workspace.with(|ws| plan_merge(ws, &incoming))
                })
            })
            .unwrap_or_default()
    });
    let file_name = move || {
        merge
            .pending
            .with(|p| p.as_ref().map(|p| p.file_name.clone()))
            .unwrap_or_default()
    };

    let apply = move |_| {
        let Some(pending) = merge.pending.get_untracked() else {
            return;
        };
        let plan = plan.get_untracked();
        let chosen = choices.get_untracked();
        // Cleared first, so the plan is not worked out again against the merged data.
        merge.pending.set(None);
        choices.set(MergeChoices::default());
        let now = app.now();
        let mut summary = MergeSummary::default();
        let merged = |ws: &mut Workspace| summary = apply_merge(ws, &plan, &chosen, now);
        if pending.from_other_tab {
            // Written over the other tab's save, which it combines.
            app.keep_mine_over_other_tab(merged);
        } else {
            app.edit(merged);
        }
        let t = app.t();
        let mut text = fill(
            t.merge_done,
            &[
                &pending.file_name,
                &summary.added,
                &summary.updated,
                &summary.kept_mine,
                &summary.unchanged,
            ],
        );
        for (count, template) in [
            (summary.left_out, t.merge_done_left_out),
            (summary.repeats, t.merge_done_repeats),
            (summary.engagement_added, t.merge_done_engagement),
            (summary.people_added, t.merge_done_people),
            (summary.inquiries_added, t.merge_done_inquiries),
            (summary.inquiries_updated, t.merge_done_inquiries_taken),
            (summary.development_taken, t.merge_done_development),
            (summary.parents_set, t.merge_done_parents),
            (summary.links_refused, t.merge_done_loops),
            (summary.closed_years_added, t.merge_done_closed_years),
            (summary.list_plan_years_added, t.merge_done_list_years),
        ] {
            if count > 0 {
                text.push(' ');
                text.push_str(&fill(template, &[&count]));
            }
        }
        if !plan.unmapped_criteria.is_empty() {
            let language = app.language.get_untracked();
            let names: Vec<&str> = plan
                .unmapped_criteria
                .iter()
                .map(|n| n.get(language))
                .collect();
            text.push(' ');
            text.push_str(&fill(
                t.merge_done_unmapped,
                &[&names.join(t.list_separator)],
            ));
        }
        app.notify(Notice::Info(text));
        navigate(Route::Accounts);
    };
    let cancel = move |_| {
        merge.pending.set(None);
        choices.set(MergeChoices::default());
        navigate(Route::Accounts);
    };

    let workspace_name = move || {
        app.catalogue
            .with(|c| c.active_entry().map(|e| display_name(e, app.t())))
            .unwrap_or_default()
    };

    view! {
        <p>{move || fill(app.t().merge_intro, &[&file_name(), &workspace_name()])}</p>
        <Show when=move || merge.with_other_tab()>
            <p data-testid="merge-other-tab">{tr(|t| t.tab_conflict_merge_hint)}</p>
        </Show>
        <p class="hint">{tr(|t| t.merge_rules)}</p>
        <MergeSummaryCard plan=plan/>
        <NewAccounts plan=plan choices=choices/>
        <Conflicts plan=plan choices=choices/>
        <InquiryConflicts plan=plan choices=choices/>
        <div class="actions sticky-actions">
            <button type="button" class="primary" on:click=apply data-testid="merge-apply">{tr(|t| t.merge_apply)}</button>
            <button type="button" on:click=cancel data-testid="merge-cancel">{tr(|t| t.cancel)}</button>
        </div>
    }
}

#[component]
fn MergeSummaryCard(plan: Memo<MergePlan>) -> impl IntoView {
    let app = use_app();
    let unmapped = move || {
        let language = app.language.get();
        let t = app.t();
        plan.with(|p| {
            (!p.unmapped_criteria.is_empty()).then(|| {
                let names: Vec<&str> = p
                    .unmapped_criteria
                    .iter()
                    .map(|n| n.get(language))
                    .collect();
                view! {
                    <p class="merge-unmapped" data-testid="merge-unmapped">
                        {fill(t.merge_unmapped, &[&names.join(t.list_separator)])}
                    </p>
                }
            })
        })
    };
    let repeats = move || {
        let t = app.t();
        plan.with(|p| {
            (!p.repeats.is_empty()).then(|| {
                view! {
                    <div data-testid="merge-repeats">
                        <p>{fill(t.merge_repeats, &[&p.repeats.len()])}</p>
                        <ul>
                            {p.repeats.iter().map(|r| view! {
                                <li>{fill(t.merge_repeat_item, &[&r.name, &r.first_name])}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                }
            })
        })
    };
    // Years of the closed-year and list-plan documents that are added, and those both
    // have where mine is kept.
    let years = move || {
        let t = app.t();
        plan.with(|p| {
            [
                ("merge-closed-years-added", &p.closed_years.years_added, t.merge_closed_years_added),
                ("merge-closed-years-kept", &p.closed_years.years_kept_mine, t.merge_closed_years_kept),
                ("merge-list-years-added", &p.list_plan.years_added, t.merge_list_years_added),
                ("merge-list-years-kept", &p.list_plan.years_kept_mine, t.merge_list_years_kept),
            ]
            .into_iter()
            .filter(|(_, years, _)| !years.is_empty())
            .map(|(testid, years, template)| {
                let years: Vec<String> = years.iter().map(i32::to_string).collect();
                view! { <p data-testid=testid>{fill(template, &[&years.join(t.list_separator)])}</p> }
            })
            .collect_view()
        })
    };
    view! {
        <section class="card merge-summary" data-testid="merge-summary" aria-labelledby="merge-summary-counts">
            <ul class="merge-counts" id="merge-summary-counts" role="status">
                <li data-testid="merge-count-new">{move || fill(app.t().merge_count_new, &[&plan.with(|p| p.new_accounts.len())])}</li>
                <li data-testid="merge-count-conflicts">{move || fill(app.t().merge_count_conflicts, &[&plan.with(|p| p.conflicts.len())])}</li>
                <li data-testid="merge-count-unchanged">{move || fill(app.t().merge_count_unchanged, &[&plan.with(|p| p.unchanged.len())])}</li>
                {move || {
                    let t = app.t();
                    plan.with(|p| {
                        [
                            ("merge-count-additions", p.additions.len(), t.merge_count_additions),
                            ("merge-count-new-inquiries", p.inquiries.new.len(), t.merge_count_new_inquiries),
                        ]
                        .into_iter()
                        .filter(|(_, count, _)| *count > 0)
                        .map(|(testid, count, template)| view! { <li data-testid=testid>{fill(template, &[&count])}</li> })
                        .collect_view()
                    })
                }}
            </ul>
            {unmapped}
            {repeats}
            {years}
        </section>
    }
}

#[component]
fn NewAccounts(plan: Memo<MergePlan>, choices: RwSignal<MergeChoices>) -> impl IntoView {
    let shown = RwSignal::new(PAGE_SIZE);
    let total = Signal::derive(move || plan.with(|p| p.new_accounts.len()));
    let rows = move || {
        plan.with(|p| {
            p.new_accounts
                .iter()
                .take(shown.get())
                .map(|new| {
                    let index = new.index;
                    let name = new.account.name.clone();
                    let number = new.account.number.trim().to_owned();
                    view! {
                        <li data-testid="merge-new">
                            <label>
                                <input type="checkbox" data-testid="merge-add"
                                    prop:checked=move || choices.with(|c| c.adds(index))
                                    on:change=move |ev| {
                                        let add = event_target_checked(&ev);
                                        choices.update(|c| c.set_adds(index, add));
                                    }/>
                                <span class="merge-name">{name}</span>
                                {(!number.is_empty()).then(|| view! { " " <span class="muted">{number}</span> })}
                            </label>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || { total.get() > 0 }>
            <section class="card" data-testid="merge-new-accounts">
                <h2>{tr(|t| t.merge_new_heading)}</h2>
                <p class="hint">{tr(|t| t.merge_new_hint)}</p>
                <ul class="merge-new-list">{rows}</ul>
                <ShowMore shown=shown total=total/>
            </section>
        </Show>
    }
}

#[component]
fn Conflicts(plan: Memo<MergePlan>, choices: RwSignal<MergeChoices>) -> impl IntoView {
    let shown = RwSignal::new(CONFLICT_PAGE);
    let total = Signal::derive(move || plan.with(|p| p.conflicts.len()));
    // Counts how often the plan was worked out: part of each card's key, so "show
    // more" keeps the cards already drawn while a new plan redraws them all.
    let generation = Memo::new(move |previous: Option<&u32>| {
        plan.track();
        previous.map_or(0, |g| g.wrapping_add(1))
    });
    let cards = move || {
        let g = generation.get();
        plan.with(|p| {
            p.conflicts
                .iter()
                .take(shown.get())
                .map(|c| (g, Arc::new(c.clone()), Arc::new(p.new_people.clone())))
                .collect::<Vec<_>>()
        })
    };
    let everywhere =
        move |side: Side| plan.with_untracked(|p| choices.update(|c| c.choose_everywhere(p, side)));
    view! {
        <Show when=move || { total.get() > 0 }>
            <section class="merge-conflicts" data-testid="merge-conflicts">
                <h2>{tr(|t| t.merge_conflicts_heading)}</h2>
                <p class="hint">{tr(|t| t.merge_conflicts_hint)}</p>
                <div class="actions">
                    <button type="button" data-testid="merge-all-mine" on:click=move |_| everywhere(Side::Mine)>
                        {sides(|t| t.merge_everywhere_mine, |t| t.merge_everywhere_this_tab)}
                    </button>
                    <button type="button" data-testid="merge-all-theirs" on:click=move |_| everywhere(Side::Theirs)>
                        {sides(|t| t.merge_everywhere_theirs, |t| t.merge_everywhere_other_tab)}
                    </button>
                </div>
                <For each=cards key=|(g, c, _)| (*g, c.mine.id) let((_, conflict, new_people))>
                    <ConflictCard conflict=conflict choices=choices new_people=new_people/>
                </For>
                <ShowMore shown=shown total=total step=CONFLICT_PAGE/>
            </section>
        </Show>
    }
}

#[component]
fn ConflictCard(
    conflict: Arc<Conflict>,
    choices: RwSignal<MergeChoices>,
    new_people: Arc<Vec<Colleague>>,
) -> impl IntoView {
    let app = use_app();
    let id = conflict.mine.id;
    let name = conflict.mine.name.clone();
    let number = conflict.mine.number.trim().to_owned();
    let heading_id = format!("merge-account-{id}");
    let labelled_by = heading_id.clone();
    let stored = StoredValue::new(conflict.clone());
    let taken = move || {
        let (count, total) =
            stored.with_value(|c| (choices.with(|ch| ch.taken(c)), c.fields.len()));
        fill(app.t().merge_taken, &[&count, &total])
    };
    let choose_all =
        move |side: Side| stored.with_value(|c| choices.update(|ch| ch.choose_account(c, side)));
    let rows = conflict
        .fields
        .iter()
        .map(|&field| view! { <FieldRow conflict=conflict.clone() field=field choices=choices new_people=new_people.clone()/> })
        .collect_view();
    view! {
        <article class="card merge-conflict" data-testid="merge-conflict" data-account=id.to_string()
            aria-labelledby=labelled_by>
            <div class="merge-conflict-head">
                <h3 id=heading_id>
                    <span class="merge-name">{name}</span>
                    {(!number.is_empty()).then(|| view! { " " <span class="muted">{number}</span> })}
                </h3>
                <span class="muted" data-testid="merge-taken">{taken}</span>
                <div class="merge-account-buttons">
                    <button type="button" data-testid="merge-keep-all" on:click=move |_| choose_all(Side::Mine)>
                        {sides(|t| t.merge_keep_all_mine, |t| t.merge_keep_all_this_tab)}
                    </button>
                    <button type="button" data-testid="merge-take-all" on:click=move |_| choose_all(Side::Theirs)>
                        {sides(|t| t.merge_take_all_theirs, |t| t.merge_take_all_other_tab)}
                    </button>
                </div>
            </div>
            <div class="table-wrap">
                <table class="data-table merge-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr(|t| t.merge_col_field)}</th>
                            <th scope="col">{sides(|t| t.merge_col_mine, |t| t.merge_col_this_tab)}</th>
                            <th scope="col">{sides(|t| t.merge_col_theirs, |t| t.merge_col_other_tab)}</th>
                            <th scope="col">{tr(|t| t.merge_col_choice)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </article>
    }
}

#[component]
fn FieldRow(
    conflict: Arc<Conflict>,
    field: Field,
    choices: RwSignal<MergeChoices>,
    new_people: Arc<Vec<Colleague>>,
) -> impl IntoView {
    let app = use_app();
    let id = conflict.mine.id;
    let slug = field_slug(field);
    let group = format!("merge-{id}-{slug}");
    let label = move || {
        let language = app.language.get();
        app.workspace
            .with(|ws| field_label(field, app.t(), &ws.model, language))
    };
    let new_people = StoredValue::new(new_people);
    let value = move |conflict: &Conflict, side: Side| {
        let t = app.t();
        let account = match side {
            Side::Mine => &conflict.mine,
            Side::Theirs => &conflict.theirs,
        };
        let person = |id| {
            app.workspace
                .with(|ws| {
                    SettingsDoc::read_or_empty(ws.engagement.as_ref())
                        .ok()
                        .and_then(|s| s.team.name(id).map(str::to_owned))
                })
                .or_else(|| {
                    new_people.with_value(|people| {
                        people.iter().find(|p| p.id == id).map(|p| p.name.clone())
                    })
                })
        };
        let text = if field == Field::Parent {
            app.workspace.with(|ws| parent_value(conflict, side, t, ws))
        } else {
            field_value(field, account, t, &person)
        };
        match text {
            Some(text) => view! { <span class="merge-value">{text}</span> }.into_any(),
            None => view! { <span class="muted">{t.not_set}</span> }.into_any(),
        }
    };
    let mine = conflict.clone();
    let theirs = conflict;
    let side = move || choices.with(|c| c.side(id, field));
    let pick = move |chosen: Side| choices.update(|c| c.choose(id, field, chosen));
    let cell_class = move |of: Side| if side() == of { "chosen" } else { "" };
    view! {
        <tr data-field=slug>
            <th scope="row">{label}</th>
            <td class=move || cell_class(Side::Mine) data-testid="merge-mine">{move || value(&mine, Side::Mine)}</td>
            <td class=move || cell_class(Side::Theirs) data-testid="merge-theirs">{move || value(&theirs, Side::Theirs)}</td>
            <td>
                <div class="merge-choice" role="radiogroup"
                    aria-label=move || fill(app.t().merge_choice_for, &[&label()])>
                    <label class="radio">
                        <input type="radio" name=group.clone() value="mine" data-testid="keep-mine"
                            prop:checked=move || side() == Side::Mine
                            on:change=move |_| pick(Side::Mine)/>
                        <span>{sides(|t| t.merge_keep_mine, |t| t.merge_keep_this_tab)}</span>
                    </label>
                    <label class="radio">
                        <input type="radio" name=group value="theirs" data-testid="take-theirs"
                            prop:checked=move || side() == Side::Theirs
                            on:change=move |_| pick(Side::Theirs)/>
                        <span>{sides(|t| t.merge_take_theirs, |t| t.merge_take_other_tab)}</span>
                    </label>
                </div>
            </td>
        </tr>
    }
}

/// Inquiries logged on both sides and differently: each shown side by side, kept as
/// mine unless the user takes theirs.
#[component]
fn InquiryConflicts(plan: Memo<MergePlan>, choices: RwSignal<MergeChoices>) -> impl IntoView {
    let app = use_app();
    let cards = move || {
        let t = app.t();
        plan.with(|p| {
            let name = |id: Option<u32>| -> String {
                let Some(id) = id else {
                    return String::new();
                };
                app.workspace
                    .with(|ws| {
                        SettingsDoc::read_or_empty(ws.engagement.as_ref())
                            .ok()
                            .and_then(|s| s.team.name(id).map(str::to_owned))
                    })
                    .or_else(|| p.new_people.iter().find(|c| c.id == id).map(|c| c.name.clone()))
                    .unwrap_or_default()
            };
            p.inquiries
                .conflicts
                .iter()
                .map(|c| {
                    let id = c.mine.id;
                    let when = |at: Option<chrono::NaiveDateTime>| {
                        at.map(|at| format!("{} {}", t.day(at.date()), at.format("%H:%M")))
                            .unwrap_or_default()
                    };
                    let facts = |i: &crate::domain::engagement::inquiry::Inquiry| -> Vec<(String, String)> {
                        let mut rows = vec![
                            (t.inq_received_at.to_owned(), when(i.received_at)),
                            (t.inq_contact.to_owned(), i.contact.clone()),
                            (t.inq_request.to_owned(), i.request.clone()),
                            (t.inq_importance.to_owned(), t.importance(i.importance).to_owned()),
                            (t.inq_handler.to_owned(), name(i.handler)),
                        ];
                        rows.extend(crate::domain::engagement::inquiry::Step::ALL.iter().map(|s| {
                            (t.step(*s).to_owned(), when(i.done_at(*s)))
                        }));
                        rows
                    };
                    let rows: Vec<_> = facts(&c.mine)
                        .into_iter()
                        .zip(facts(&c.theirs))
                        .filter(|((_, a), (_, b))| a != b)
                        .map(|((label, a), (_, b))| view! {
                            <tr><th scope="row">{label}</th><td>{a}</td><td>{b}</td></tr>
                        })
                        .collect_view();
                    let side = move || choices.with(|c| c.inquiry_side(id));
                    let group = format!("merge-inquiry-{id}");
                    view! {
                        <article class="card merge-conflict" data-testid="merge-inquiry" data-inquiry=id.to_string()>
                            <h3 class="merge-name">{c.mine.company.clone()}</h3>
                            <div class="table-wrap">
                                <table class="data-table merge-table">
                                    <thead><tr>
                                        <th scope="col"></th>
                                        <th scope="col">{sides(|t| t.merge_col_mine, |t| t.merge_col_this_tab)()}</th>
                                        <th scope="col">{sides(|t| t.merge_col_theirs, |t| t.merge_col_other_tab)()}</th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                            <div class="merge-choice" role="radiogroup" aria-label=fill(t.merge_choice_for, &[&c.mine.company])>
                                <label class="radio">
                                    <input type="radio" name=group.clone() value="mine" data-testid="keep-mine"
                                        prop:checked=move || side() == Side::Mine
                                        on:change=move |_| choices.update(|c| c.choose_inquiry(id, Side::Mine))/>
                                    <span>{sides(|t| t.merge_keep_mine, |t| t.merge_keep_this_tab)}</span>
                                </label>
                                <label class="radio">
                                    <input type="radio" name=group value="theirs" data-testid="take-theirs"
                                        prop:checked=move || side() == Side::Theirs
                                        on:change=move |_| choices.update(|c| c.choose_inquiry(id, Side::Theirs))/>
                                    <span>{sides(|t| t.merge_take_theirs, |t| t.merge_take_other_tab)}</span>
                                </label>
                            </div>
                        </article>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || plan.with(|p| !p.inquiries.conflicts.is_empty())>
            <section class="merge-conflicts" data-testid="merge-inquiries">
                <h2>{move || fill(app.t().merge_inquiry_conflicts, &[&plan.with(|p| p.inquiries.conflicts.len())])}</h2>
                {cards}
            </section>
        </Show>
    }
}
