//! One account in one place: its basic information, screening, scores, tier and why,
//! the override, and deletion. Also the "new account" form.

use leptos::prelude::*;

use crate::domain::account::{parse_employees, AccountProblem};
use crate::domain::model::Criterion;
use crate::domain::pyramid::{default_level, level_of, Level, LevelOverride};
use crate::domain::scoring::{contributions, parse_score};
use crate::domain::tiering::TierBasis;
use crate::domain::{
    Account, AccountId, Answer, Axis, Gate, Ownership, Relationship, ScreeningStatus, SizeBand,
    Tier, TierOverride,
};
use crate::i18n::fill;

use super::dom::local_millis;
use super::router::{navigate, Route};
use super::state::{use_app, Notice};
use super::widgets::{account_not_found, choice_field, reason_field, score_text, tr, TierBadge};

#[component]
pub fn NewAccountPage() -> impl IntoView {
    let app = use_app();
    let draft = RwSignal::new(Account::default());
    let tried = RwSignal::new(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let account = draft.get_untracked();
        if account.name.trim().is_empty() {
            return;
        }
        let mut id = 0;
        app.edit(|ws| id = ws.add_account(account, app.now()));
        navigate(Route::Account(id));
    };
    view! {
        <section class="page account-page">
            <p><a href=Route::Accounts.href()>{tr(|t| t.back_to_accounts)}</a></p>
            <h1>{tr(|t| t.new_account_title)}</h1>
            <form on:submit=create novalidate=true data-testid="new-account-form">
                <AccountFields
                    value=Signal::derive(move || draft.get())
                    set=Callback::new(move |a| draft.set(a))
                    show_name_error=Signal::derive(move || tried.get())
                    existing=false/>
                <div class="actions">
                    <button type="submit" class="primary" data-testid="create-account">{tr(|t| t.create_account)}</button>
                    <a class="button" href=Route::Accounts.href()>{tr(|t| t.cancel)}</a>
                </div>
            </form>
        </section>
    }
}

#[component]
pub fn AccountPage(id: AccountId) -> impl IntoView {
    let app = use_app();
    let exists = Memo::new(move |_| app.workspace.with(|ws| ws.account(id).is_some()));
    move || {
        if !exists.get() {
            return account_not_found(id);
        }
        let account = Signal::derive(move || {
            app.workspace
                .with(|ws| ws.account(id).cloned())
                .unwrap_or_default()
        });
        let set = Callback::new(move |updated: Account| {
            app.edit(|ws| {
                ws.update_account(id, app.now(), |a| {
                    let name = if updated.name.trim().is_empty() {
                        a.name.clone()
                    } else {
                        updated.name.clone()
                    };
                    *a = Account {
                        id,
                        name,
                        ..updated
                    };
                });
            })
        });
        let tier = Signal::derive(move || {
            app.ranking
                .with(|r| r.row(id).and_then(|row| row.assessment.effective))
        });
        let overridden = Signal::derive(move || {
            app.ranking
                .with(|r| r.row(id).is_some_and(|row| row.assessment.overridden))
        });
        view! {
            <section class="page account-page" data-account-id=id.to_string()>
                <p><a href=Route::Accounts.href()>{tr(|t| t.back_to_accounts)}</a></p>
                <div class="page-head">
                    <h1 data-testid="account-title">{move || account.with(|a| a.name.clone())}</h1>
                    <TierBadge tier=tier overridden=overridden/>
                </div>
                <super::engagement::account::EngagementSummary id=id/>
                <PlanSummary id=id/>
                <super::engagement::account::EngagementSection id=id/>
                <super::engagement::account::ContactLog id=id/>
                <super::engagement::promotions::PromotionPlans id=id/>
                <section class="card">
                    <h2>{tr(|t| t.section_basic)}</h2>
                    <AccountFields value=account set=set show_name_error=Signal::derive(|| true) existing=true/>
                </section>
                <ScreeningSection id=id/>
                <ScoringSection id=id/>
                <TierSection id=id/>
                <PyramidSection id=id/>
                <super::development::account::DevelopmentSection id=id/>
                <DeleteAccount id=id/>
            </section>
        }
        .into_any()
    }
}

/// Where the account's plan stands, with the way to it.
#[component]
fn PlanSummary(id: AccountId) -> impl IntoView {
    let app = use_app();
    let doc = Memo::new(move |_| {
        app.workspace
            .with(|ws| ws.account(id).and_then(|a| a.plan.clone()))
    });
    let state = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .map(|d| crate::domain::plan::PlanSummary::of(d, super::plan::today()))
        })
    });
    view! {
        <p class="plan-summary" data-testid="plan-summary">
            <a class="button" href=Route::Plan(id, crate::domain::plan::Section::Summary).href() data-testid="open-plan">
                {tr(|t| t.plan_link)}
            </a>
            " "
            {move || {
                let t = app.t();
                match state.get() {
                    None => t.plan_not_started.to_owned(),
                    Some(Ok(summary)) => {
                        let mut text = fill(t.plan_complete, &[&summary.completeness]);
                        if summary.stale {
                            text.push_str(" · ⚠ ");
                            text.push_str(t.plan_stale_info);
                        }
                        text
                    }
                    Some(Err(reason)) => fill(t.plan_unreadable, &[&reason]),
                }
            }}
        </p>
    }
}

/// The basic information sheet. `set` receives the whole edited account.
#[component]
fn AccountFields(
    value: Signal<Account>,
    set: Callback<Account>,
    /// Whether to show "name required" while the name is empty.
    show_name_error: Signal<bool>,
    /// For an existing account an empty name is not saved (the old name stays).
    existing: bool,
) -> impl IntoView {
    let app = use_app();
    let name_text = RwSignal::new(value.get_untracked().name);
    let employees_text = RwSignal::new(
        value
            .get_untracked()
            .employees
            .map(|n| n.to_string())
            .unwrap_or_default(),
    );
    let employees_error = RwSignal::new(false);
    // The two fields that keep their own text (a blank name, a number being typed)
    // follow a change made elsewhere — another tab, or a version chosen over this
    // one's — unless what they hold is an entry the account does not take.
    Effect::new(move |_| {
        let (name, employees) = value.with(|a| (a.name.clone(), a.employees));
        if name_text.with_untracked(|n| !n.trim().is_empty() && *n != name) {
            name_text.set(name);
        }
        let typed = employees_text.with_untracked(|e| {
            if e.trim().is_empty() {
                Some(None)
            } else {
                parse_employees(e).map(Some)
            }
        });
        if typed.is_some_and(|typed| typed != employees) {
            employees_text.set(employees.map(|n| n.to_string()).unwrap_or_default());
        }
    });

    let update = move |edit: &dyn Fn(&mut Account)| {
        let mut account = value.get_untracked();
        edit(&mut account);
        set.run(account);
    };

    let problems = Memo::new(move |_| {
        let account = value.get();
        app.workspace.with(|ws| account.problems(&ws.accounts))
    });
    let problem_text = move |wanted: fn(&AccountProblem) -> bool| {
        move || {
            let t = app.t();
            problems.with(|ps| {
                ps.iter().find(|p| wanted(p)).map(|p| {
                    let text = t.account_problem(p, |other| {
                        app.workspace
                            .with(|ws| ws.account(other).map(|a| a.name.clone()))
                            .unwrap_or_default()
                    });
                    view! { <span class="field-error" role="alert">{text}</span> }
                })
            })
        }
    };

    let text_field = move |key: &'static str,
                           label: fn(&crate::i18n::Strings) -> &'static str,
                           get: fn(&Account) -> &String,
                           put: fn(&mut Account, String)| {
        view! {
            <label class="field">
                <span>{move || label(app.t())}</span>
                <input type="text" data-field=key
                    prop:value=move || value.with(|a| get(a).clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        update(&|a| put(a, v.clone()));
                    }/>
            </label>
        }
    };

    view! {
        <div class="form-grid">
            <label class="field">
                <span>{tr(|t| t.field_name)} " " <small>"(" {tr(|t| t.required_hint)} ")"</small></span>
                <input type="text" data-field="name" required=true
                    aria-invalid=move || (name_text.with(|n| n.trim().is_empty()) && show_name_error.get()).to_string()
                    prop:value=move || name_text.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        name_text.set(v.clone());
                        update(&|a| a.name = v.clone());
                    }/>
                <Show when=move || name_text.with(|n| n.trim().is_empty()) && show_name_error.get()>
                    <span class="field-error" role="alert" data-testid="name-error">
                        {tr(|t| t.problem_name_missing)}
                        {move || existing.then(|| format!(" {}", app.t().name_kept))}
                    </span>
                </Show>
            </label>
            <label class="field">
                <span>{tr(|t| t.field_number)}</span>
                <input type="text" data-field="number"
                    prop:value=move || value.with(|a| a.number.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        update(&|a| a.number = v.clone());
                    }/>
                {problem_text(|p| matches!(p, AccountProblem::DuplicateNumber { .. }))}
            </label>
            {text_field("industry", |t| t.field_industry, |a| &a.industry, |a, v| a.industry = v)}
            {text_field("segment", |t| t.field_segment, |a| &a.segment, |a, v| a.segment = v)}
            {choice_field(
                "relationship", |t| t.field_relationship, None,
                Signal::derive(move || Some(value.with(|a| a.relationship))),
                move |r: Option<Relationship>| if let Some(r) = r { update(&|a| a.relationship = r) },
            )}
            {choice_field(
                "ownership", |t| t.field_ownership, Some(|t| t.not_set),
                Signal::derive(move || value.with(|a| a.ownership)),
                move |o: Option<Ownership>| update(&|a| a.ownership = o),
            )}
            {choice_field(
                "size_band", |t| t.field_size_band, Some(|t| t.not_set),
                Signal::derive(move || value.with(|a| a.size_band)),
                move |s: Option<SizeBand>| update(&|a| a.size_band = s),
            )}
            {text_field("company_type", |t| t.field_company_type, |a| &a.company_type, |a, v| a.company_type = v)}
            <label class="field">
                <span>{tr(|t| t.field_employees)}</span>
                <input type="text" inputmode="numeric" data-field="employees"
                    aria-invalid=move || employees_error.get().to_string()
                    prop:value=move || employees_text.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        employees_text.set(v.clone());
                        if v.trim().is_empty() {
                            employees_error.set(false);
                            update(&|a| a.employees = None);
                        } else if let Some(n) = parse_employees(&v) {
                            employees_error.set(false);
                            update(&|a| a.employees = Some(n));
                        } else {
                            employees_error.set(true);
                        }
                    }/>
                <Show when=move || employees_error.get()>
                    <span class="field-error" role="alert">{tr(|t| t.problem_employees)}</span>
                </Show>
            </label>
            {text_field("address", |t| t.field_address, |a| &a.address, |a, v| a.address = v)}
            {text_field("contact_person", |t| t.field_contact_person, |a| &a.contact_person, |a, v| a.contact_person = v)}
            {text_field("position", |t| t.field_position, |a| &a.position, |a, v| a.position = v)}
            {text_field("phone", |t| t.field_phone, |a| &a.phone, |a, v| a.phone = v)}
            <label class="field">
                <span>{tr(|t| t.field_email)}</span>
                <input type="email" data-field="email"
                    prop:value=move || value.with(|a| a.email.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        update(&|a| a.email = v.clone());
                    }/>
                {problem_text(|p| matches!(p, AccountProblem::EmailInvalid))}
            </label>
            {text_field("main_products", |t| t.field_main_products, |a| &a.main_products, |a, v| a.main_products = v)}
            {text_field("main_partners", |t| t.field_main_partners, |a| &a.main_partners, |a, v| a.main_partners = v)}
        </div>
    }
}

#[component]
fn ScreeningSection(id: AccountId) -> impl IntoView {
    let app = use_app();
    let screening = move || {
        app.workspace
            .with(|ws| ws.account(id).map(|a| a.screening.clone()))
            .unwrap_or_default()
    };
    let status = move || {
        let t = app.t();
        match screening().status() {
            ScreeningStatus::Passed => ("screening-status passed", t.screening_passed.to_owned()),
            ScreeningStatus::Failed(gates) => (
                "screening-status failed",
                fill(t.screening_failed, &[&t.gates_failed(gates)]),
            ),
            ScreeningStatus::Pending(gates) => (
                "screening-status pending",
                fill(t.screening_pending, &[&t.gate_list(gates)]),
            ),
        }
    };
    let gate_row = move |gate: Gate| {
        let name = format!("gate-{}-{}", id, gate_slug(gate));
        view! {
            <fieldset class="gate" data-gate=gate_slug(gate)>
                <legend>{move || app.t().gate_question(gate)}</legend>
                {[Answer::Yes, Answer::No, Answer::Unknown].into_iter().map(|answer| {
                    let name = name.clone();
                    view! {
                        <label class="radio">
                            <input type="radio" name=name value=answer.slug()
                                prop:checked=move || screening().answer(gate) == answer
                                on:change=move |_| app.edit(|ws| {
                                    ws.update_account(id, app.now(), |a| a.screening.set(gate, answer));
                                })/>
                            {move || app.t().answer(answer)}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        }
    };
    view! {
        <section class="card">
            <h2>{tr(|t| t.section_screening)}</h2>
            <p class="hint">{tr(|t| t.screening_intro)}</p>
            {Gate::ALL.into_iter().map(gate_row).collect_view()}
            <label class="field wide">
                <span>{tr(|t| t.screening_note)}</span>
                <textarea data-field="screening_note" rows="2"
                    prop:value=move || screening().note
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        app.edit(|ws| { ws.update_account(id, app.now(), |a| a.screening.note = v); });
                    }></textarea>
            </label>
            <p class=move || status().0 data-testid="screening-status">{move || status().1}</p>
        </section>
    }
}

fn gate_slug(gate: Gate) -> &'static str {
    match gate {
        Gate::Reachable => "reachable",
        Gate::Profitable => "profitable",
        Gate::Implementable => "implementable",
        Gate::Sustainable => "sustainable",
    }
}

#[component]
fn ScoringSection(id: AccountId) -> impl IntoView {
    let app = use_app();
    let axis_block = move |axis: Axis| {
        // A memo, so score rows are rebuilt only when the model changes, not on every
        // keystroke (which would take the focus out of the input being typed in).
        let criteria = Memo::new(move |_| {
            app.workspace
                .with(|ws| ws.model.criteria_on(axis).cloned().collect::<Vec<_>>())
        });
        let total = move || {
            let t = app.t();
            app.ranking.with(|r| {
                let a = r.row(id).map(|row| match axis {
                    Axis::Attractiveness => row.assessment.attractiveness.clone(),
                    Axis::Feasibility => row.assessment.feasibility.clone(),
                });
                match a {
                    Some(crate::domain::AxisScore::Complete(v)) => view! {
                        <p class="axis-total" data-axis=axis.slug() data-testid="axis-total">
                            {fill(t.axis_total, &[&t.axis_short(axis)])} {t.colon} <strong>{v.to_string()}</strong>
                        </p>
                    }.into_any(),
                    Some(crate::domain::AxisScore::Incomplete { missing }) => {
                        let names = app.workspace.with(|ws| {
                            missing.iter()
                                .filter_map(|c| ws.model.criterion(*c))
                                .map(|c| criterion_name(c, app.language.get()))
                                .collect::<Vec<_>>()
                                .join(t.list_separator)
                        });
                        view! {
                            <p class="axis-total incomplete" data-axis=axis.slug() data-testid="axis-total">
                                {fill(t.axis_total, &[&t.axis_short(axis)])} {t.colon} <strong>{t.incomplete}</strong>
                                " — " {fill(t.still_to_score, &[&names])}
                            </p>
                        }.into_any()
                    }
                    None => ().into_any(),
                }
            })
        };
        view! {
            <div class="axis-block">
                <h3>{move || app.t().axis(axis)}</h3>
                <table class="data-table scoring-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr(|t| t.why_criterion)}</th>
                            <th scope="col" class="num">{tr(|t| t.why_weight)}</th>
                            <th scope="col">{tr(|t| t.why_score)} " (" {tr(|t| t.score_range)} ")"</th>
                            <th scope="col">{tr(|t| t.note_placeholder)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || criteria.get().into_iter().map(|c| view! { <ScoreRow id=id criterion=c/> }).collect_view()}
                    </tbody>
                </table>
                {total}
            </div>
        }
    };
    view! {
        <section class="card">
            <h2>{tr(|t| t.section_scoring)}</h2>
            <p class="hint">{tr(|t| t.scoring_intro)}</p>
            {axis_block(Axis::Attractiveness)}
            {axis_block(Axis::Feasibility)}
        </section>
    }
}

fn criterion_name(c: &Criterion, language: crate::domain::Language) -> String {
    c.name.get(language).to_owned()
}

#[component]
fn ScoreRow(id: AccountId, criterion: Criterion) -> impl IntoView {
    let app = use_app();
    let cid = criterion.id;
    let error = RwSignal::new(false);
    let score = move || {
        app.workspace
            .with(|ws| ws.account(id).and_then(|a| a.scores.get(&cid).cloned()))
            .unwrap_or_default()
    };
    let c = StoredValue::new(criterion);
    let name = move || c.with_value(|c| criterion_name(c, app.language.get()));
    let guide = move || {
        let lang = app.language.get();
        let t = app.t();
        c.with_value(|c| {
            [
                (t.guide_low, c.guide.low.get(lang).to_owned()),
                (t.guide_mid, c.guide.mid.get(lang).to_owned()),
                (t.guide_high, c.guide.high.get(lang).to_owned()),
            ]
            .into_iter()
            .filter(|(_, text)| !text.is_empty())
            .map(|(label, text)| view! { <li><b>{label}</b> " " {text}</li> })
            .collect_view()
        })
    };
    view! {
        <tr data-criterion=cid.to_string()>
            <th scope="row">
                <div class="criterion-name">{name}</div>
                <ul class="guide">{guide}</ul>
            </th>
            <td class="num">{move || c.with_value(|c| c.weight)} "%"</td>
            <td>
                <input type="number" min="1" max="10" step="1" inputmode="numeric" class="score-input"
                    data-testid="score-input"
                    aria-label=move || fill(app.t().score_for, &[&name()])
                    aria-invalid=move || error.get().to_string()
                    prop:value=move || score().value.map(|v| v.to_string()).unwrap_or_default()
                    on:input=move |ev| {
                        let raw = event_target_value(&ev);
                        if raw.trim().is_empty() {
                            error.set(false);
                            app.edit(|ws| { ws.set_score_value(id, cid, None, app.now()); });
                        } else {
                            match parse_score(&raw) {
                                Ok(v) => {
                                    error.set(false);
                                    app.edit(|ws| { ws.set_score_value(id, cid, Some(v), app.now()); });
                                }
                                Err(_) => error.set(true),
                            }
                        }
                    }/>
                <Show when=move || error.get()>
                    <span class="field-error" role="alert" data-testid="score-error">{tr(|t| t.score_invalid)}</span>
                </Show>
            </td>
            <td>
                <input type="text" class="note-input"
                    aria-label=move || fill(app.t().note_for, &[&name()])
                    placeholder=tr(|t| t.note_placeholder)
                    prop:value=move || score().note
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        app.edit(|ws| { ws.set_score_note(id, cid, &v, app.now()); });
                    }/>
            </td>
        </tr>
    }
}

#[component]
fn TierSection(id: AccountId) -> impl IntoView {
    let app = use_app();
    let assessment = move || {
        app.ranking
            .with(|r| r.row(id).map(|row| row.assessment.clone()))
    };

    let breakdown = move |axis: Axis| {
        move || {
            let t = app.t();
            let lang = app.language.get();
            app.workspace.with(|ws| {
                let Some(account) = ws.account(id) else {
                    return ().into_any();
                };
                let parts = contributions(&ws.model, axis, &account.scores);
                let rows = parts.iter().map(|p| {
                    let name = ws.model.criterion(p.criterion).map(|c| criterion_name(c, lang)).unwrap_or_default();
                    let contribution = p.points_hundredths
                        .map(|h| format!("{}.{:02}", h / 100, h % 100))
                        .unwrap_or_else(|| "—".into());
                    view! {
                        <tr>
                            <td>{name}</td>
                            <td class="num">{p.weight} "%"</td>
                            <td class="num">{p.score.map(|s| s.to_string()).unwrap_or_else(|| "—".into())}</td>
                            <td class="num">{contribution}</td>
                        </tr>
                    }
                }).collect_view();
                let total = assessment().and_then(|a| a.score(axis));
                view! {
                    <table class="data-table why-table" data-axis=axis.slug()>
                        <caption>{t.axis(axis)}</caption>
                        <thead><tr>
                            <th scope="col">{t.why_criterion}</th>
                            <th scope="col" class="num">{t.why_weight}</th>
                            <th scope="col" class="num">{t.why_score}</th>
                            <th scope="col" class="num">{t.why_contribution}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                        <tfoot><tr>
                            <th scope="row" colspan="3">{fill(t.axis_total, &[&t.axis_short(axis)])}</th>
                            <td class="num"><strong>{score_text(total)}</strong></td>
                        </tr></tfoot>
                    </table>
                }.into_any()
            })
        }
    };

    let reasoning = move || {
        let t = app.t();
        let Some(a) = assessment() else {
            return Vec::new();
        };
        let thresholds = app.workspace.with(|ws| ws.tiers.thresholds);
        let mut lines = Vec::new();
        match &a.basis {
            TierBasis::FailedScreening(gates) => {
                lines.push(fill(t.why_failed_screening, &[&t.gates_failed(*gates)]));
            }
            TierBasis::Incomplete => lines.push(t.why_incomplete.to_owned()),
            TierBasis::Scores => {
                for axis in Axis::ALL {
                    if let Some(score) = a.score(axis) {
                        let threshold = thresholds.on(axis);
                        let template = if thresholds.is_high(axis, score) {
                            t.why_high
                        } else {
                            t.why_low
                        };
                        lines.push(fill(template, &[&t.axis_short(axis), &score, &threshold]));
                    }
                }
                lines.push(fill(t.why_rule_result, &[&t.tier_or_untiered(a.computed)]));
            }
        }
        if let Some(o) = app
            .workspace
            .with(|ws| ws.account(id).and_then(|acc| acc.tier_override.clone()))
        {
            lines.push(fill(
                t.why_override,
                &[
                    &t.tier(o.tier),
                    &t.tier_or_untiered(a.computed),
                    &o.reason,
                    &t.date(local_millis(o.at)),
                ],
            ));
        }
        lines
    };

    let guidance = move || {
        let lang = app.language.get();
        let t = app.t();
        assessment().and_then(|a| a.effective).map(|tier| {
            let g = app.workspace.with(|ws| ws.tiers.guidance(tier));
            view! {
                <dl class="guidance">
                    <dt>{t.guidance_principle}</dt><dd>{g.principle.get(lang).to_owned()}</dd>
                    <dt>{t.guidance_cadence}</dt><dd>{g.cadence.get(lang).to_owned()}</dd>
                </dl>
            }
        })
    };

    view! {
        <section class="card" data-testid="tier-section">
            <h2>{tr(|t| t.section_tier)}</h2>
            <ul class="reasoning" data-testid="why-tier">
                {move || reasoning().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            {guidance}
            <div class="why-tables">
                {breakdown(Axis::Attractiveness)}
                {breakdown(Axis::Feasibility)}
            </div>
            <OverrideForm id=id/>
        </section>
    }
}

#[component]
fn OverrideForm(id: AccountId) -> impl IntoView {
    let app = use_app();
    let current = move || {
        app.workspace
            .with(|ws| ws.account(id).and_then(|a| a.tier_override.clone()))
    };
    let tier = RwSignal::new(Tier::Tier1);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match TierOverride::new(tier.get_untracked(), &reason.get_untracked(), app.now()) {
            Ok(o) => {
                error.set(false);
                reason.set(String::new());
                app.edit(|ws| {
                    ws.set_override(id, Some(o), app.now());
                });
            }
            Err(_) => error.set(true),
        }
    };
    let remove = move |_| {
        app.edit(|ws| {
            ws.set_override(id, None, app.now());
        })
    };
    view! {
        <div class="override">
            <h3>{tr(|t| t.override_heading)}</h3>
            <Show when=move || current().is_some()>
                <button type="button" on:click=remove data-testid="remove-override">{tr(|t| t.override_remove)}</button>
            </Show>
            <form class="inline-form" on:submit=apply data-testid="override-form" novalidate=true>
                {choice_field(
                    "override_tier", |t| t.override_tier, None,
                    Signal::derive(move || Some(tier.get())),
                    move |picked: Option<Tier>| if let Some(picked) = picked { tier.set(picked) },
                )}
                {reason_field("override_reason", reason)}
                <button type="submit" data-testid="apply-override">{tr(|t| t.override_apply)}</button>
            </form>
            <Show when=move || error.get()>
                <p class="field-error" role="alert" data-testid="override-error">{tr(|t| t.override_reason_required)}</p>
            </Show>
        </div>
    }
}

/// Where the account sits on the customer pyramid, why, and a manager's change of it.
#[component]
fn PyramidSection(id: AccountId) -> impl IntoView {
    let app = use_app();
    let tier = move || {
        app.ranking
            .with(|r| r.row(id).and_then(|row| row.assessment.effective))
    };
    let relationship = move || {
        app.workspace
            .with(|ws| ws.account(id).map(|a| a.relationship))
            .unwrap_or_default()
    };
    let current = move || {
        app.workspace
            .with(|ws| ws.account(id).and_then(|a| a.level_override.clone()))
    };
    // "" stands for "outside the pyramid" in the select.
    let choice = RwSignal::new(String::from(Level::Key.slug()));
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let level = Level::from_slug(&choice.get_untracked());
        match LevelOverride::new(level, &reason.get_untracked(), app.now()) {
            Ok(o) => {
                error.set(false);
                reason.set(String::new());
                app.edit(|ws| {
                    ws.update_account(id, app.now(), |a| a.level_override = Some(o));
                });
            }
            Err(_) => error.set(true),
        }
    };
    let lines = move || {
        let t = app.t();
        let (level, rule) = default_level(relationship(), tier());
        let mut lines = vec![fill(
            t.level_by_rule,
            &[&t.level_rule(rule), &t.level(level)],
        )];
        if let Some(o) = current() {
            lines.push(fill(
                t.level_overridden,
                &[&t.level(o.level), &o.reason, &t.date(local_millis(o.at))],
            ));
        }
        lines
    };
    view! {
        <section class="card" data-testid="pyramid-section">
            <h2>{tr(|t| t.section_pyramid)}</h2>
            <p class="level-now">
                <strong data-testid="pyramid-level">{move || {
                    let level = app.workspace.with(|ws| ws.account(id).and_then(|a| level_of(a, tier())));
                    app.t().level(level)
                }}</strong>
            </p>
            <ul class="reasoning">{move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            <Show when=move || current().is_some()>
                <button type="button" data-testid="remove-level-override"
                    on:click=move |_| app.edit(|ws| { ws.update_account(id, app.now(), |a| a.level_override = None); })>
                    {tr(|t| t.level_override_remove)}
                </button>
            </Show>
            <form class="inline-form" on:submit=apply novalidate=true data-testid="level-override-form">
                <label class="field">
                    <span>{tr(|t| t.level_override_set)}</span>
                    <select data-field="level_override" on:change=move |ev| choice.set(event_target_value(&ev))>
                        {Level::ALL.into_iter().map(|level| view! {
                            <option value=level.slug() selected=move || choice.get() == level.slug()>{move || app.t().level(Some(level))}</option>
                        }).collect_view()}
                        <option value="" selected=move || choice.get().is_empty()>{tr(|t| t.level_outside)}</option>
                    </select>
                </label>
                {reason_field("level_override_reason", reason)}
                <button type="submit" data-testid="apply-level-override">{tr(|t| t.level_override_apply)}</button>
            </form>
            <Show when=move || error.get()>
                <p class="field-error" role="alert">{tr(|t| t.override_reason_required)}</p>
            </Show>
        </section>
    }
}

#[component]
fn DeleteAccount(id: AccountId) -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let delete = move |_| {
        let mut removed = None;
        app.edit(|ws| removed = ws.delete_account(id));
        if let Some(account) = removed {
            app.notify(Notice::Deleted(Box::new(account)));
        }
        navigate(Route::Accounts);
    };
    view! {
        <section class="card danger-zone">
            <Show when=move || confirming.get() fallback=move || view! {
                <button type="button" class="danger" on:click=move |_| confirming.set(true) data-testid="delete-account">
                    {tr(|t| t.delete_account)}
                </button>
            }>
                <p role="alert">{move || {
                    let name = app.workspace.with(|ws| ws.account(id).map(|a| a.name.clone())).unwrap_or_default();
                    fill(app.t().delete_confirm, &[&name])
                }}</p>
                <div class="actions">
                    <button type="button" class="danger" on:click=delete data-testid="confirm-delete">{tr(|t| t.delete)}</button>
                    <button type="button" on:click=move |_| confirming.set(false)>{tr(|t| t.cancel)}</button>
                </div>
            </Show>
        </section>
    }
}
