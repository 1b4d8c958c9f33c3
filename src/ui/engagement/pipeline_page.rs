//! `#/pipeline`: the target accounts per development stage, with how long each has been
//! in its stage, those longer than the stage's limit flagged as stuck; filterable by tier
//! and owner; the limits are edited here.

use leptos::prelude::*;

use crate::domain::engagement::pipeline::Stage;
use crate::domain::engagement::team::ColleagueId;
use crate::domain::{AccountId, Tier};
use crate::i18n::fill;

use super::super::plan::today;
use super::super::router::Route;
use super::super::state::use_app;
use super::super::widgets::{choice_field, tr, TierBadge};
use super::account::stage_text;
use super::{
    edit_settings, engagement_of, is_target, owner_filter, person_name, refused, settings_of, tabs,
    team_memo, Me, OwnerFilter,
};

/// Cards a column shows at first, and adds with each "show more".
const COLUMN_SIZE: usize = 25;

#[derive(Clone, PartialEq)]
struct Card {
    id: AccountId,
    name: String,
    tier: Option<Tier>,
    owner: Option<ColleagueId>,
    stage: Option<Stage>,
    label: Option<crate::domain::engagement::pipeline::StageChange>,
    days: i64,
    stuck: bool,
}

#[component]
pub fn PipelinePage() -> impl IntoView {
    let app = use_app();
    let team = team_memo(app);
    let me = Me::new(app);
    let owner = RwSignal::new(OwnerFilter::All);
    let tier = RwSignal::new(None::<Tier>);
    let today = today();
    let limits = Memo::new(move |_| {
        app.workspace
            .with(|ws| settings_of(ws).map(|s| s.stuck_limits).unwrap_or_default())
    });
    let cards = Memo::new(move |_| {
        let filter = owner.get();
        let mine = me.get();
        let wanted = tier.get();
        let limits = limits.get();
        app.ranking.with(|r| {
            app.workspace.with(|ws| {
                ws.accounts
                    .iter()
                    .filter_map(|a| {
                        let tier = r.row(a.id).and_then(|row| row.assessment.effective);
                        let e = engagement_of(a).ok()?;
                        // Targets, and any account with a pipeline (one no longer a target
                        // keeps its history).
                        if !is_target(tier) && e.pipeline.changes.is_empty() {
                            return None;
                        }
                        if wanted.is_some_and(|w| Some(w) != tier)
                            || !filter.passes(mine, [a.overall_owner, a.daily_owner])
                        {
                            return None;
                        }
                        Some(Card {
                            id: a.id,
                            name: a.name.clone(),
                            tier,
                            owner: a.daily_owner.or(a.overall_owner),
                            stage: e.pipeline.stage(),
                            label: e.pipeline.current().cloned(),
                            days: e.pipeline.days_in_stage(today).unwrap_or(0),
                            stuck: limits.is_stuck(&e.pipeline, today),
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    // Cards drawn per column: a column of thousands shows its most pressing first and
    // grows on demand, so the board paints at once however large the workspace.
    let column_limits: [RwSignal<usize>; 7] = std::array::from_fn(|_| RwSignal::new(COLUMN_SIZE));
    let column = move |stage: Option<Stage>| {
        let t = app.t();
        let limit_signal = column_limits
            [stage.map_or(6, |s| Stage::ALL.iter().position(|x| *x == s).unwrap_or(6))];
        let shown = limit_signal.get();
        let team = team.with(|t| t.clone().unwrap_or_default());
        let mut list: Vec<Card> =
            cards.with(|c| c.iter().filter(|c| c.stage == stage).cloned().collect());
        list.sort_by(|a, b| b.stuck.cmp(&a.stuck).then(b.days.cmp(&a.days)));
        let title = stage.map_or(t.pipeline_not_started, |s| t.stage(s));
        let limit = stage
            .and_then(|s| limits.get().for_stage(s))
            .map(|d| fill(t.pipeline_limit, &[&d]));
        let slug = stage.map_or("none", Stage::slug);
        let count = list.len();
        let more = count.saturating_sub(shown);
        list.truncate(shown);
        view! {
            <section class="pipeline-column" data-stage=slug>
                <h2>{title} " " <span class="count">{count}</span></h2>
                {limit.map(|l| view! { <p class="hint">{l}</p> })}
                {if list.is_empty() {
                    view! { <p class="hint">{t.pipeline_empty_stage}</p> }.into_any()
                } else {
                    view! {
                        <ul>
                            {list.into_iter().map(|c| {
                                let tier = c.tier;
                                let stuck = c.stuck.then(|| view! { <strong class="stuck-flag" data-testid="stuck">"⚠ " {t.pipeline_stuck}</strong> });
                                let label = c.label.as_ref().map(|l| stage_text(t, l));
                                let days = c.stage.is_some().then(|| fill(t.pipeline_days, &[&c.days]));
                                view! {
                                    <li class="pipeline-card" class:stuck=c.stuck data-account-id=c.id.to_string()>
                                        <a href=Route::Account(c.id).href()>{c.name.clone()}</a>
                                        <TierBadge tier=Signal::derive(move || tier)/>
                                        <span class="owner">{person_name(&team, c.owner, t)}</span>
                                        {label.filter(|_| c.stage == Some(Stage::Seminars) || c.stage == Some(Stage::Lost)).map(|l| view! { <span>{l}</span> })}
                                        {days.map(|d| view! { <span class="days" data-testid="days-in-stage">{d}</span> })}
                                        {stuck}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        {(more > 0).then(|| view! {
                            <button type="button" class="link-button" data-testid="column-more"
                                on:click=move |_| limit_signal.update(|n| *n += COLUMN_SIZE)>
                                {fill(t.show_more_count, &[&more])}
                            </button>
                        })}
                    }.into_any()
                }}
            </section>
        }
    };
    let limit_field = move |stage: Stage| {
        view! {
            <label class="field">
                <span>{move || app.t().stage(stage)}</span>
                <input type="number" min="1" max="3650" data-field=format!("limit-{}", stage.slug())
                    prop:value=move || limits.get().for_stage(stage).unwrap_or_default().to_string()
                    on:change=move |ev| {
                        if let Ok(days) = event_target_value(&ev).trim().parse::<u32>() {
                            if (1..=3650).contains(&days)
                                && !edit_settings(app, |s| s.stuck_limits.set(stage, days))
                            {
                                refused(app);
                            }
                        }
                    }/>
            </label>
        }
    };
    view! {
        <section class="page pipeline-page">
            <div class="page-head"><h1>{tr(|t| t.pipeline_title)}</h1></div>
            {tabs(Route::Pipeline)}
            <p class="hint">{tr(|t| t.pipeline_hint)}</p>
            <div class="filters">
                {owner_filter(app, team, me, owner, "pipeline.owner")}
                {choice_field("pipeline.tier", |t| t.filter_tier, Some(|t| t.filter_tier_all),
                    Signal::derive(move || tier.get()), move |v: Option<Tier>| tier.set(v))}
            </div>
            <div class="pipeline-board" data-testid="pipeline-board">
                {move || Stage::ALL.iter().map(|&s| column(Some(s))).collect_view()}
                {move || column(None)}
            </div>
            <details class="card">
                <summary>{tr(|t| t.pipeline_limits)}</summary>
                <div class="form-grid">
                    {Stage::OPEN.iter().map(|&s| limit_field(s)).collect_view()}
                </div>
            </details>
        </section>
    }
}
