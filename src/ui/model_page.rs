//! The scoring model editor (评估标准). Edits go to a draft (saved like everything
//! else); "Apply" puts it in force only if each axis totals 100%.

use leptos::prelude::*;

use crate::domain::model::{Criterion, AXIS_WEIGHT_TOTAL};
use crate::domain::{Axis, CriterionId, Language, ScoringModel, Tenths, Thresholds};
use crate::i18n::fill;

use super::state::{use_app, Notice};
use super::widgets::tr;

#[component]
pub fn ModelPage() -> impl IntoView {
    let app = use_app();
    let refused = RwSignal::new(Vec::<String>::new());
    let pending = move || app.workspace.with(|ws| ws.has_pending_draft());
    let draft = super::whatif::draft_memo(app);
    let moving = Memo::new(move |_| draft.with(|w| w.as_ref().map_or(0, |w| w.moves.len())));
    // The link scrolls to the panel without touching the hash, which is the route.
    let see_moves = move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        if let Some(panel) = document().get_element_by_id("whatif") {
            panel.scroll_into_view();
        }
    };

    let apply = move |_| {
        let mut result = Ok(());
        app.edit(|ws| result = ws.apply_draft());
        match result {
            Ok(()) => {
                refused.set(Vec::new());
                app.notify(Notice::Info(app.t().model_applied.to_owned()));
            }
            Err(problems) => {
                let t = app.t();
                let lang = app.language.get_untracked();
                let texts = app.workspace.with_untracked(|ws| {
                    problems
                        .iter()
                        .map(|p| {
                            t.model_error(p, |id| {
                                ws.editable_model()
                                    .criterion(id)
                                    .map(|c| display_name(c, lang, t.unnamed_criterion))
                                    .unwrap_or_default()
                            })
                        })
                        .collect()
                });
                refused.set(texts);
            }
        }
    };
    let discard = move |_| {
        refused.set(Vec::new());
        app.edit(|ws| ws.discard_draft());
    };
    let restore = move |_| {
        refused.set(Vec::new());
        app.edit(|ws| ws.edit_draft(|m| *m = ScoringModel::default_model()));
    };

    view! {
        <section class="page model-page">
            <h1>{tr(|t| t.model_title)}</h1>
            <p class="hint">{tr(|t| t.model_intro)}</p>
            <p class=move || if pending() { "draft-state pending" } else { "draft-state" } data-testid="draft-state">
                {move || if pending() { app.t().model_draft_pending } else { app.t().model_in_force }}
            </p>
            <div class="model-layout">
                <div class="model-editor">
                    <AxisEditor axis=Axis::Attractiveness/>
                    <AxisEditor axis=Axis::Feasibility/>
                    <ThresholdEditor/>
                </div>
                <super::whatif::WhatIfPanel draft=draft/>
            </div>
            // The bar stays on screen while the criteria scroll by: both axes' running
            // totals and, after a refused Apply, the reasons sit beside the button.
            <div class="sticky-actions" data-testid="model-bar">
                <p class="bar-totals">
                    {Axis::ALL.into_iter().map(|axis| view! { <BarTotal axis=axis/> }).collect_view()}
                </p>
                <Show when=move || { moving.get() > 0 }>
                    <p class="bar-moves" data-testid="bar-moves">
                        {move || fill(app.t().whatif_bar, &[&moving.get()])}
                        " " <a href="#whatif" on:click=see_moves>{tr(|t| t.whatif_see)}</a>
                    </p>
                </Show>
                <Show when=move || refused.with(|r| !r.is_empty())>
                    <div class="notice error" role="alert" data-testid="model-refused">
                        <p>{tr(|t| t.model_refused)}</p>
                        <ul>{move || refused.get().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                    </div>
                </Show>
                <div class="actions">
                    <button type="button" class="primary" on:click=apply data-testid="apply-model">{tr(|t| t.apply_model)}</button>
                    <button type="button" on:click=discard disabled=move || !pending() data-testid="discard-model">{tr(|t| t.discard_draft)}</button>
                    <button type="button" on:click=restore>{tr(|t| t.restore_default_model)}</button>
                </div>
            </div>
        </section>
    }
}

/// One axis's weight total in the model's bar, marked when it is not 100%.
#[component]
fn BarTotal(axis: Axis) -> impl IntoView {
    let app = use_app();
    let total = move || {
        app.workspace
            .with(|ws| ws.editable_model().weight_total(axis))
    };
    let slug = axis.slug();
    view! {
        <span class=move || if total() == AXIS_WEIGHT_TOTAL { "bar-total ok" } else { "bar-total bad" }
            data-axis=slug data-testid="bar-total">
            {move || {
                let t = app.t();
                format!("{}{}{}%", t.axis_short(axis), t.colon, total())
            }}
        </span>
    }
}

fn display_name(c: &Criterion, language: Language, unnamed: &str) -> String {
    let name = c.name.get(language);
    if name.trim().is_empty() {
        unnamed.to_owned()
    } else {
        name.to_owned()
    }
}

#[component]
fn AxisEditor(axis: Axis) -> impl IntoView {
    let app = use_app();
    // A memo, so rows are rebuilt only when criteria are added or removed, not on
    // every keystroke (which would take the focus out of the input being typed in).
    let ids = Memo::new(move |_| {
        app.workspace.with(|ws| {
            ws.editable_model()
                .criteria_on(axis)
                .map(|c| c.id)
                .collect::<Vec<_>>()
        })
    });
    let total = move || {
        app.workspace
            .with(|ws| ws.editable_model().weight_total(axis))
    };
    let slug = axis.slug();
    view! {
        <section class="card axis-editor" data-axis=slug>
            <h2>{move || app.t().axis(axis)}</h2>
            <div class="table-wrap">
                <table class="data-table model-table">
                    <thead><tr>
                        <th scope="col">{tr(|t| t.criterion_name_zh)}</th>
                        <th scope="col">{tr(|t| t.criterion_name_en)}</th>
                        <th scope="col">{tr(|t| t.criterion_weight)}</th>
                        <th scope="col">{tr(|t| t.criterion_guide)}</th>
                        <th scope="col"><span class="visually-hidden">{tr(|t| t.remove_criterion)}</span></th>
                    </tr></thead>
                    <tbody>
                        {move || ids.get().into_iter().map(|id| view! { <CriterionRow id=id/> }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class=move || if total() == AXIS_WEIGHT_TOTAL { "weight-total ok" } else { "weight-total bad" }
                data-testid="weight-total" role="status">
                {move || {
                    let t = app.t();
                    let total = total();
                    if total == AXIS_WEIGHT_TOTAL { fill(t.weight_total, &[&total]) } else { fill(t.weight_total_bad, &[&total]) }
                }}
            </p>
            <button type="button" on:click=move |_| app.edit(|ws| ws.edit_draft(|m| { m.add_criterion(axis); }))
                data-testid="add-criterion">
                "+ " {tr(|t| t.add_criterion)}
            </button>
        </section>
    }
}

#[component]
fn CriterionRow(id: CriterionId) -> impl IntoView {
    let app = use_app();
    let criterion = move || {
        app.workspace
            .with(|ws| ws.editable_model().criterion(id).cloned())
    };
    let edit = move |f: &dyn Fn(&mut Criterion)| {
        app.edit(|ws| {
            ws.edit_draft(|m| {
                if let Some(c) = m.criterion_mut(id) {
                    f(c);
                }
            })
        })
    };
    let weight_error = RwSignal::new(false);
    let text = move |get: fn(&Criterion) -> String| {
        move || criterion().map(|c| get(&c)).unwrap_or_default()
    };
    let label = move || {
        let t = app.t();
        criterion()
            .map(|c| display_name(&c, app.language.get(), t.unnamed_criterion))
            .unwrap_or_default()
    };
    view! {
        <tr data-criterion=id.to_string()>
            <td><input type="text" lang="zh-CN" data-field="name_zh" aria-label=move || format!("{} — {}", label(), app.t().criterion_name_zh)
                prop:value=text(|c| c.name.zh.clone())
                on:input=move |ev| { let v = event_target_value(&ev); edit(&|c| c.name.zh = v.clone()); }/></td>
            <td><input type="text" lang="en" data-field="name_en" aria-label=move || format!("{} — {}", label(), app.t().criterion_name_en)
                prop:value=text(|c| c.name.en.clone())
                on:input=move |ev| { let v = event_target_value(&ev); edit(&|c| c.name.en = v.clone()); }/></td>
            <td>
                <input type="number" min="1" max="100" step="1" class="weight-input" data-field="weight"
                    aria-label=move || format!("{} — {}", label(), app.t().criterion_weight)
                    aria-invalid=move || weight_error.get().to_string()
                    prop:value=text(|c| c.weight.to_string())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        match v.trim().parse::<u32>() {
                            Ok(w) => { weight_error.set(false); edit(&|c| c.weight = w); }
                            Err(_) if v.trim().is_empty() => { weight_error.set(false); edit(&|c| c.weight = 0); }
                            Err(_) => weight_error.set(true),
                        }
                    }/>
            </td>
            <td class="guide-cell">
                <GuideInput id=id level=0/>
                <GuideInput id=id level=1/>
                <GuideInput id=id level=2/>
            </td>
            <td>
                <button type="button" class="icon danger" data-testid="remove-criterion"
                    aria-label=move || format!("{} — {}", app.t().remove_criterion, label())
                    title=tr(|t| t.remove_criterion)
                    on:click=move |_| app.edit(|ws| ws.edit_draft(|m| m.remove_criterion(id)))>"×"</button>
            </td>
        </tr>
    }
}

/// One line of a criterion's scoring guide (level 0, 1, 2 = what 1, 5, 10 mean), edited
/// in the current language.
#[component]
fn GuideInput(id: CriterionId, level: u8) -> impl IntoView {
    let app = use_app();
    let value = move || {
        let lang = app.language.get();
        app.workspace.with(|ws| {
            ws.editable_model()
                .criterion(id)
                .map(|c| {
                    let text = match level {
                        0 => &c.guide.low,
                        1 => &c.guide.mid,
                        _ => &c.guide.high,
                    };
                    match lang {
                        Language::Zh => text.zh.clone(),
                        Language::En => text.en.clone(),
                    }
                })
                .unwrap_or_default()
        })
    };
    let label = move || {
        let t = app.t();
        match level {
            0 => t.guide_low_label,
            1 => t.guide_mid_label,
            _ => t.guide_high_label,
        }
    };
    view! {
        <label class="guide-line">
            <span>{label}</span>
            <input type="text" prop:value=value on:input=move |ev| {
                let v = event_target_value(&ev);
                let lang = app.language.get_untracked();
                app.edit(|ws| ws.edit_draft(|m| {
                    if let Some(c) = m.criterion_mut(id) {
                        let text = match level {
                            0 => &mut c.guide.low,
                            1 => &mut c.guide.mid,
                            _ => &mut c.guide.high,
                        };
                        *text.side_mut(lang) = v;
                    }
                }));
            }/>
        </label>
    }
}

/// The tier thresholds of the draft: applied with the model, what they would move shown
/// beside them.
#[component]
fn ThresholdEditor() -> impl IntoView {
    let app = use_app();
    let field = move |axis: Axis| {
        let current = move || app.workspace.with(|ws| ws.editable_thresholds().on(axis));
        let text = RwSignal::new(current().to_string());
        // The text follows the draft when it changes elsewhere (discard, apply, another
        // tab), but not while it is being typed into.
        Effect::new(move |_| {
            let value = current();
            if Tenths::parse(&text.get_untracked()) != Some(value) {
                text.set(value.to_string());
            }
        });
        let error = RwSignal::new(false);
        let slug = axis.slug();
        view! {
            <label class="field">
                <span>{move || fill(app.t().threshold_for, &[&app.t().axis_short(axis)])}</span>
                <input type="text" inputmode="decimal" class="threshold-input" data-threshold=slug
                    aria-invalid=move || error.get().to_string()
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        text.set(v.clone());
                        match Tenths::parse(&v).filter(|t| Thresholds::is_valid_value(*t)) {
                            Some(value) => {
                                error.set(false);
                                app.edit(|ws| {
                                    ws.set_draft_threshold(axis, value);
                                });
                            }
                            None => error.set(true),
                        }
                    }/>
                <Show when=move || error.get()>
                    <span class="field-error" role="alert">{tr(|t| t.threshold_invalid)}</span>
                </Show>
            </label>
        }
    };
    view! {
        <section class="card" id="thresholds">
            <h2>{tr(|t| t.thresholds_heading)}</h2>
            <p class="hint">{tr(|t| t.threshold_help)}</p>
            <div class="inline-form">
                {field(Axis::Attractiveness)}
                {field(Axis::Feasibility)}
            </div>
        </section>
    }
}
