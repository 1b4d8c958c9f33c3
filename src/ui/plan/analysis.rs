//! The analysis sections of the plan: the customer (SWOT, Porter's five forces, needs on
//! the iceberg), its competitors, and our position (share of wallet, ladder, life-cycle,
//! SWOT, the relationship-health questions).

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::plan::facts::tenths_percent_text;
use crate::domain::plan::{
    Competitor, ForceKind, Need, NeedHorizon, PlanItem, Swot, FORCE_MAX, HEALTH_QUESTIONS,
};
use crate::i18n::Strings;
use crate::ui::widgets::tr;

use super::{
    amount_field, amount_unit_field, choice_select, item_lens, label, lens, text_field, Getter,
    PlanCtx, Setter,
};

/// The four quadrants of a SWOT, as a grid of text areas. `prefix` names the fields;
/// `get`/`put` reach the SWOT inside the plan.
fn swot_grid(
    ctx: PlanCtx,
    prefix: &'static str,
    get: fn(&crate::domain::plan::AccountPlan) -> &Swot,
    put: fn(&mut crate::domain::plan::AccountPlan) -> &mut Swot,
) -> impl IntoView {
    type Quadrant = (
        &'static str,
        fn(&Strings) -> &'static str,
        fn(&Swot) -> &String,
        fn(&mut Swot) -> &mut String,
    );
    let quadrants: [Quadrant; 4] = [
        (
            "strengths",
            |t| t.swot_strengths,
            |s| &s.strengths,
            |s| &mut s.strengths,
        ),
        (
            "weaknesses",
            |t| t.swot_weaknesses,
            |s| &s.weaknesses,
            |s| &mut s.weaknesses,
        ),
        (
            "opportunities",
            |t| t.swot_opportunities,
            |s| &s.opportunities,
            |s| &mut s.opportunities,
        ),
        (
            "threats",
            |t| t.swot_threats,
            |s| &s.threats,
            |s| &mut s.threats,
        ),
    ];
    let cells = quadrants
        .into_iter()
        .map(|(key, caption, read, write)| {
            view! {
                <div class=format!("swot-cell swot-{key}")>
                    {text_field(
                        ctx,
                        label(caption),
                        format!("{prefix}.{key}"),
                        Arc::new(move |p| read(get(p)).clone()),
                        Arc::new(move |p, v| *write(put(p)) = v),
                        true,
                    )}
                </div>
            }
        })
        .collect_view();
    view! { <div class="swot-grid">{cells}</div> }
}

fn force_label(kind: ForceKind) -> fn(&Strings) -> &'static str {
    match kind {
        ForceKind::EntryBarriers => |t| t.force_entry_barriers,
        ForceKind::Substitutes => |t| t.force_substitutes,
        ForceKind::BuyerPower => |t| t.force_buyer_power,
        ForceKind::SupplierPower => |t| t.force_supplier_power,
        ForceKind::Rivalry => |t| t.force_rivalry,
    }
}

fn force_key(kind: ForceKind) -> &'static str {
    match kind {
        ForceKind::EntryBarriers => "entry_barriers",
        ForceKind::Substitutes => "substitutes",
        ForceKind::BuyerPower => "buyer_power",
        ForceKind::SupplierPower => "supplier_power",
        ForceKind::Rivalry => "rivalry",
    }
}

fn forces_table(ctx: PlanCtx) -> impl IntoView {
    let rows = ForceKind::ALL
        .iter()
        .map(|&kind| {
            let key = force_key(kind);
            let rating = move || ctx.plan.with(|p| p.forces.force(kind).rating);
            let note = text_field(
                ctx,
                label(|t| t.force_note),
                format!("forces.{key}.note"),
                Arc::new(move |p| p.forces.force(kind).note.clone()),
                Arc::new(move |p, v| p.forces.force_mut(kind).note = v),
                false,
            );
            view! {
                <tr>
                    <th scope="row">{tr(force_label(kind))}</th>
                    <td>
                        <select data-field=format!("forces.{key}.rating")
                            aria-label=move || format!("{} · {}", force_label(kind)(ctx.t()), ctx.t().force_rating)
                            on:change=move |ev| {
                                let value = event_target_value(&ev).parse::<u8>().ok()
                                    .filter(|r| (1..=FORCE_MAX).contains(r));
                                ctx.edit(|p| p.forces.force_mut(kind).rating = value);
                            }>
                            <option value="" selected=move || rating().is_none()>{tr(|t| t.rating_none)}</option>
                            {(1..=FORCE_MAX).map(|r| view! {
                                <option value=r.to_string() selected=move || rating() == Some(r)>{r}</option>
                            }).collect_view()}
                        </select>
                    </td>
                    <td class="force-note">{note}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{tr(|t| t.analysis_forces)}</h3>
        <div class="table-wrap">
            <table class="data-table forces-table" data-testid="forces-table">
                <thead>
                    <tr>
                        <th scope="col"></th>
                        <th scope="col">{tr(|t| t.force_rating)}</th>
                        <th scope="col">{tr(|t| t.force_note)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn needs_list(ctx: PlanCtx) -> impl IntoView {
    let ids = move || {
        ctx.plan
            .with(|p| p.needs.iter().map(|n| n.id).collect::<Vec<_>>())
    };
    let add = move |_| {
        ctx.edit(|p| {
            let id = p.take_id();
            p.needs.push(Need {
                id,
                ..Need::default()
            });
        })
    };
    view! {
        <h3>{tr(|t| t.analysis_needs)}</h3>
        <p class="hint">{tr(|t| t.analysis_needs_hint)}</p>
        <div class="item-list" data-testid="needs">
            <For each=ids key=|id| *id children=move |id| {
                let (get, put) = item_lens!(needs, id, text);
                let text = text_field(ctx, label(|t| t.need_text), format!("needs.{id}.text"), get, put, false);
                let (get, put): (Getter<NeedHorizon>, Setter<NeedHorizon>) = item_lens!(needs, id, horizon);
                let horizon = choice_select(
                    ctx,
                    label(|t| t.need_horizon),
                    format!("needs.{id}.horizon"),
                    |t| t.need_present,
                    Arc::new(move |p| Some(get(p))),
                    Arc::new(move |p, v: Option<NeedHorizon>| put(p, v.unwrap_or_default())),
                );
                let implicit = move || ctx.plan.with(|p| p.needs.iter().any(|n| n.id == id && n.implicit));
                view! {
                    <div class="item-row need" data-need=id.to_string()>
                        {text}
                        {horizon}
                        <label class="check">
                            <input type="checkbox" data-field=format!("needs.{id}.implicit")
                                prop:checked=implicit
                                on:change=move |ev| {
                                    let checked = event_target_checked(&ev);
                                    ctx.edit(|p| {
                                        if let Some(n) = p.needs.iter_mut().find(|n| n.id == id) {
                                            n.implicit = checked;
                                        }
                                    });
                                }/>
                            <span>{tr(|t| t.need_implicit)}</span>
                        </label>
                        <button type="button" class="link-button"
                            on:click=move |_| ctx.remove(PlanItem::Need(id))>
                            {tr(|t| t.plan_remove)}
                        </button>
                    </div>
                }
            }/>
        </div>
        <button type="button" on:click=add data-testid="add-need">{tr(|t| t.need_add)}</button>
    }
}

#[component]
pub fn AnalysisSection(ctx: PlanCtx) -> impl IntoView {
    view! {
        <h3>{tr(|t| t.analysis_swot)}</h3>
        {swot_grid(ctx, "swot", |p| &p.swot, |p| &mut p.swot)}
        {forces_table(ctx)}
        {needs_list(ctx)}
    }
}

#[component]
pub fn CompetitorsSection(ctx: PlanCtx) -> impl IntoView {
    let ids = move || {
        ctx.plan
            .with(|p| p.competitors.iter().map(|c| c.id).collect::<Vec<_>>())
    };
    let add = move |_| {
        ctx.edit(|p| {
            let id = p.take_id();
            p.competitors.push(Competitor {
                id,
                ..Competitor::default()
            });
        })
    };
    view! {
        <div class="item-cards" data-testid="competitors">
            <For each=ids key=|id| *id children=move |id| {
                let field = |caption: fn(&Strings) -> &'static str, key: &str, lens: (Getter<String>, Setter<String>), multiline| {
                    text_field(ctx, label(caption), format!("competitors.{id}.{key}"), lens.0, lens.1, multiline)
                };
                let title = move || {
                    ctx.plan.with(|p| {
                        p.competitors
                            .iter()
                            .find(|c| c.id == id)
                            .map(|c| c.name.trim().to_owned())
                            .filter(|n| !n.is_empty())
                    })
                    .unwrap_or_else(|| ctx.t().competitor_unnamed.to_owned())
                };
                let (get, put) = item_lens!(competitors, id, preference);
                view! {
                    <article class="item-card competitor" data-competitor=id.to_string()>
                        <h3>{title}</h3>
                        <div class="form-grid">
                            {field(|t| t.competitor_name, "name", item_lens!(competitors, id, name), false)}
                            {choice_select(ctx, label(|t| t.competitor_preference), format!("competitors.{id}.preference"),
                                |t| t.preference_none, get, put)}
                            {field(|t| t.competitor_business, "business", item_lens!(competitors, id, business), true)}
                            {field(|t| t.competitor_capability, "capability", item_lens!(competitors, id, capability), true)}
                            {field(|t| t.competitor_strategy, "strategy", item_lens!(competitors, id, strategy), true)}
                            {field(|t| t.competitor_strengths, "strengths", item_lens!(competitors, id, strengths), true)}
                            {field(|t| t.competitor_weaknesses, "weaknesses", item_lens!(competitors, id, weaknesses), true)}
                            {field(|t| t.competitor_view, "customer_view", item_lens!(competitors, id, customer_view), true)}
                        </div>
                        <button type="button" class="link-button"
                            on:click=move |_| ctx.remove(PlanItem::Competitor(id))>
                            {tr(|t| t.plan_remove)}
                        </button>
                    </article>
                }
            }/>
        </div>
        <button type="button" on:click=add data-testid="add-competitor">{tr(|t| t.competitor_add)}</button>
    }
}

#[component]
pub fn PositionSection(ctx: PlanCtx) -> impl IntoView {
    let text = |caption: fn(&Strings) -> &'static str,
                key: &str,
                lens: (Getter<String>, Setter<String>)| {
        text_field(
            ctx,
            label(caption),
            format!("position.{key}"),
            lens.0,
            lens.1,
            true,
        )
    };
    let share = move || {
        ctx.plan
            .with(|p| p.position.share_of_wallet())
            .map(|s| format!("{}%", tenths_percent_text(s)))
            .unwrap_or_else(|| ctx.t().position_share_unknown.to_owned())
    };
    let (sales_get, sales_put) = lens!(position.our_sales);
    let (spend_get, spend_put) = lens!(position.total_spend);
    let (switch_get, switch_put) = lens!(position.switching_cost);
    let (ladder_get, ladder_put) = lens!(position.ladder);
    let (cycle_get, cycle_put) = lens!(position.lifecycle);
    let health = (0..HEALTH_QUESTIONS)
        .map(|i| {
            text_field(
                ctx,
                Arc::new(move |t: &Strings| t.health_question(i)),
                format!("position.health.{i}"),
                Arc::new(move |p| p.position.health[i].clone()),
                Arc::new(move |p, v| p.position.health[i] = v),
                false,
            )
        })
        .collect_view();
    view! {
        <div class="form-grid">
            {text(|t| t.position_history, "history", lens!(position.history))}
            {text(|t| t.position_supply, "supply", lens!(position.supply))}
            {choice_select(ctx, label(|t| t.position_switching), "position.switching_cost".into(), |t| t.grade_none, switch_get, switch_put)}
            {text(|t| t.position_switching_note, "switching_note", lens!(position.switching_note))}
        </div>
        {amount_unit_field(ctx)}
        <div class="form-grid wallet">
            {amount_field(ctx, label(|t| t.position_our_sales), "position.our_sales".into(), sales_get, sales_put)}
            {amount_field(ctx, label(|t| t.position_total_spend), "position.total_spend".into(), spend_get, spend_put)}
            <p class="field computed">
                <span>{tr(|t| t.position_share)}</span>
                <strong data-testid="share-of-wallet">{share}</strong>
            </p>
        </div>
        <div class="form-grid">
            {text(|t| t.position_who_favours, "who_favours", lens!(position.who_favours))}
            {choice_select(ctx, label(|t| t.position_ladder), "position.ladder".into(), |t| t.ladder_none, ladder_get, ladder_put)}
            {choice_select(ctx, label(|t| t.position_lifecycle), "position.lifecycle".into(), |t| t.lifecycle_none, cycle_get, cycle_put)}
        </div>
        <h3>{tr(|t| t.position_swot)}</h3>
        {swot_grid(ctx, "position.swot", |p| &p.position.swot, |p| &mut p.position.swot)}
        <h3>{tr(|t| t.position_health)}</h3>
        <div class="form-grid">{health}</div>
    }
}
