//! The account page's development section: categories with why, the group, contracts
//! and payment record, referrals, the strategic flag, the development-value forecast,
//! and relationship assessments with the account's class and strategy.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::account::identity_key;
use crate::domain::development::categories::{
    categories, group_of, group_totals, link_problem, Category, CategorySettings, LinkProblem,
    Reason,
};
use crate::domain::development::forecast::{Cost, Forecast, ForecastProblem};
use crate::domain::development::relationship::{
    attractiveness_class, change, current_level, history, strategy, suggested_state, Dimension,
    RelationshipAssessment, RelationshipState, SCORE_RANGE,
};
use crate::domain::development::{
    AccountDevelopment, Contract, PaymentRecord, Referral, StrategicFlag,
};
use crate::domain::doc::UnreadableDoc;
use crate::domain::plan::Amount;
use crate::domain::{AccountId, Axis, Workspace};
use crate::i18n::{fill, Strings};

use super::super::plan::{date_value, parse_date, today};
use super::super::router::Route;
use super::super::state::use_app;
use super::super::widgets::tr;
use super::{category_settings, development_memo, edit_development};

type Dev = Memo<Result<AccountDevelopment, UnreadableDoc>>;

/// A volume with its unit, as the settings name it.
fn volume_text(volume: Amount, settings: &CategorySettings) -> String {
    let unit = settings.volume_unit.trim();
    if unit.is_empty() {
        volume.to_string()
    } else {
        format!("{volume} {unit}")
    }
}

/// A money amount with the workspace's unit.
fn value_text(value: Amount, ws: &Workspace) -> String {
    let unit = ws.amount_unit.trim();
    if unit.is_empty() {
        value.to_string()
    } else {
        format!("{value} {unit}")
    }
}

/// Why an account is in a category, in words.
pub fn reason_text(
    reason: &Reason,
    ws: &Workspace,
    settings: &CategorySettings,
    t: &Strings,
) -> String {
    let name_of = |id: AccountId| ws.account(id).map(|a| a.name.clone()).unwrap_or_default();
    match reason {
        Reason::CumulativeVolume { volume, threshold } => fill(
            t.why_cumulative_volume,
            &[
                &volume_text(*volume, settings),
                &volume_text(*threshold, settings),
            ],
        ),
        Reason::ReferralSigned { name, account } => {
            let name = account
                .map(name_of)
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| name.clone());
            fill(t.why_referral_signed, &[&name])
        }
        Reason::ContractValue {
            value,
            threshold,
            date,
        } => fill(
            t.why_contract_value,
            &[&value_text(*value, ws), &value_text(*threshold, ws), date],
        ),
        Reason::GroupParent { members } => fill(t.why_group_parent, &[members]),
        Reason::GroupMember { parent } => fill(t.why_group_member, &[&name_of(*parent)]),
        Reason::Flagged { reason, at } => fill(t.why_flagged, &[reason, at]),
        Reason::NearVolume {
            volume,
            threshold,
            percent,
        } => fill(
            t.why_near_volume,
            &[
                &volume_text(*volume, settings),
                &volume_text(*threshold, settings),
                percent,
            ],
        ),
        Reason::NearValue {
            value,
            threshold,
            percent,
            date,
        } => fill(
            t.why_near_value,
            &[
                &value_text(*value, ws),
                &value_text(*threshold, ws),
                percent,
                date,
            ],
        ),
        Reason::AwaitingGoodPayment {
            category,
            figure,
            threshold,
            payment,
        } => {
            let (figure, threshold) = match category {
                Category::Quality => (
                    volume_text(*figure, settings),
                    volume_text(*threshold, settings),
                ),
                _ => (value_text(*figure, ws), value_text(*threshold, ws)),
            };
            fill(
                t.why_awaiting_payment,
                &[
                    &t.category(*category),
                    &figure,
                    &threshold,
                    &t.payment(*payment),
                ],
            )
        }
    }
}

/// The categories of one account with why, computed from its record, the group links
/// and the settings.
pub fn account_categories(
    ws: &Workspace,
    id: AccountId,
    dev: &AccountDevelopment,
) -> Vec<(Category, Reason)> {
    let links = ws.accounts.iter().map(|a| (a.id, a.parent));
    categories(dev, group_of(id, links), &category_settings(ws))
}

#[component]
pub fn DevelopmentSection(id: AccountId) -> impl IntoView {
    let app = use_app();
    let dev = development_memo(app, id);
    view! {
        <section class="card development" data-testid="development">
            <h2>{tr(|t| t.dev_heading)}</h2>
            {move || dev.with(|d| d.as_ref().err().map(|e| view! {
                <p class="notice error" role="alert">{fill(app.t().dev_unreadable, &[&e.0])}</p>
            }))}
            <Categories id=id dev=dev/>
            <Group id=id/>
            <Contracts id=id dev=dev/>
            <Referrals id=id dev=dev/>
            <Strategic id=id dev=dev/>
            <ForecastForm id=id dev=dev/>
            <Relationship id=id dev=dev/>
        </section>
    }
}

#[component]
fn Categories(id: AccountId, dev: Dev) -> impl IntoView {
    let app = use_app();
    let found = Memo::new(move |_| {
        let t = app.t();
        dev.with(|d| {
            let Ok(d) = d else {
                return Vec::new();
            };
            app.workspace.with(|ws| {
                let settings = category_settings(ws);
                account_categories(ws, id, d)
                    .into_iter()
                    .map(|(c, r)| (c, reason_text(&r, ws, &settings, t)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let view = move || {
        let t = app.t();
        found.with(|found| {
            if found.is_empty() {
                return view! { <p class="hint" data-testid="dev-no-category">{t.dev_no_category}</p> }.into_any();
            }
            let mut badges: Vec<Category> = found.iter().map(|(c, _)| *c).collect();
            badges.dedup();
            view! {
                <p class="category-badges">
                    {badges.into_iter().map(|c| view! {
                        <span class="badge category-badge" data-category=c.slug()>{t.category(c)}</span>
                    }).collect_view()}
                </p>
                <ul class="category-reasons" data-testid="category-reasons">
                    {found.iter().map(|(c, why)| view! {
                        <li data-category=c.slug()>{format!("{}{}{}", t.category(*c), t.colon, why)}</li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <div class="dev-part" data-testid="dev-categories">
            <h3>{tr(|t| t.dev_categories)}</h3>
            {view}
        </div>
    }
}

/// The account's group: its parent (found by number or name), or its members and the
/// group's totals.
#[component]
fn Group(id: AccountId) -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<LinkProblem>);
    let parent = Memo::new(move |_| {
        app.workspace.with(|ws| {
            ws.account(id)
                .and_then(|a| a.parent)
                .and_then(|p| ws.account(p).map(|a| (p, a.name.clone())))
        })
    });
    let matches = Memo::new(move |_| {
        let q = identity_key(&query.get());
        if q.is_empty() {
            return Vec::new();
        }
        app.workspace.with(|ws| {
            ws.accounts
                .iter()
                .filter(|a| a.id != id)
                .filter(|a| {
                    identity_key(&a.name).contains(&q) || identity_key(&a.number).contains(&q)
                })
                .take(8)
                .map(|a| (a.id, a.name.clone(), a.number.clone()))
                .collect::<Vec<_>>()
        })
    });
    let link = move |parent: AccountId| {
        let found = app.workspace.with_untracked(|ws| {
            link_problem(id, parent, |child| ws.account(child).and_then(|a| a.parent))
        });
        problem.set(found);
        if found.is_none() {
            let now = app.now();
            app.edit(|ws| {
                ws.update_account(id, now, |a| a.parent = Some(parent));
            });
            query.set(String::new());
        }
    };
    let unlink = move |_| {
        let now = app.now();
        app.edit(|ws| {
            ws.update_account(id, now, |a| a.parent = None);
        });
    };
    let members = Memo::new(move |_| {
        app.workspace.with(|ws| {
            let members: Vec<(AccountId, String)> = ws
                .accounts
                .iter()
                .filter(|a| a.parent == Some(id) && a.id != id)
                .map(|a| (a.id, a.name.clone()))
                .collect();
            if members.is_empty() {
                return None;
            }
            let read = |a: AccountId| {
                ws.account(a)
                    .and_then(|a| a.development.as_ref())
                    .and_then(|d| d.read().ok())
                    .unwrap_or_default()
            };
            let records: Vec<(AccountId, AccountDevelopment)> = std::iter::once(id)
                .chain(members.iter().map(|(m, _)| *m))
                .map(|a| (a, read(a)))
                .collect();
            let totals = group_totals(id, records.iter().map(|(a, d)| (*a, d)));
            let settings = category_settings(ws);
            let t = app.t();
            let text = fill(
                t.group_totals,
                &[
                    &(totals.members + 1),
                    &totals.contracts,
                    &volume_text(totals.volume, &settings),
                    &value_text(totals.value, ws),
                ],
            );
            Some((members, text))
        })
    });
    view! {
        <div class="dev-part" data-testid="dev-group">
            <h3>{tr(|t| t.dev_group)}</h3>
            {move || match parent.get() {
                Some((p, name)) => view! {
                    <p data-testid="group-parent">{move || app.t().group_parent}{move || app.t().colon}
                        <a href=Route::Account(p).href()>{name.clone()}</a>" "
                        <button type="button" data-testid="group-unlink" on:click=unlink>{tr(|t| t.group_unlink)}</button>
                    </p>
                }
                .into_any(),
                None => view! {
                    <p class="hint">{tr(|t| t.group_none)}</p>
                    <label class="field" data-role="entry">
                        <span>{tr(|t| t.group_search)}</span>
                        <input type="search" data-testid="group-search" prop:value=move || query.get()
                            on:input=move |ev| { problem.set(None); query.set(event_target_value(&ev)); }/>
                    </label>
                    <ul class="group-matches">
                        {move || matches.get().into_iter().map(|(m, name, number)| {
                            let label = if number.trim().is_empty() { name.clone() } else { format!("{name} ({number})") };
                            view! {
                                <li><span class="match-name">{label}</span>" "
                                    <button type="button" data-testid="group-match" on:click=move |_| link(m)>{tr(|t| t.group_link)}</button></li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any(),
            }}
            {move || problem.get().map(|p| {
                let t = app.t();
                let text = match p {
                    LinkProblem::SelfParent => t.group_self,
                    LinkProblem::Loop => t.group_loop,
                };
                view! { <p class="field-error" role="alert" data-testid="group-problem">{text}</p> }
            })}
            {move || members.get().map(|(members, totals)| view! {
                <p>{fill(app.t().group_members, &[&members.len()])}</p>
                <ul data-testid="group-members">
                    {members.into_iter().map(|(m, name)| view! {
                        <li><a href=Route::Account(m).href()>{name}</a></li>
                    }).collect_view()}
                </ul>
                <p data-testid="group-totals">{totals}</p>
            })}
        </div>
    }
}

fn amount_input(value: &str) -> Option<Amount> {
    if value.trim().is_empty() {
        Some(Amount(0))
    } else {
        Amount::parse(value).filter(|a| a.0 >= 0)
    }
}

#[component]
fn Contracts(id: AccountId, dev: Dev) -> impl IntoView {
    let app = use_app();
    let date = RwSignal::new(String::new());
    let volume = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let add = move |_| {
        let (Some(on), Some(volume_n), Some(value_n)) = (
            parse_date(&date.get_untracked()),
            amount_input(&volume.get_untracked()),
            amount_input(&value.get_untracked()),
        ) else {
            error.set(true);
            return;
        };
        error.set(false);
        let note_text = note.get_untracked().trim().to_owned();
        edit_development(app, id, |d| {
            d.add_contract(Contract {
                id: 0,
                date: on,
                volume: volume_n,
                value: value_n,
                note: note_text,
            });
        });
        for field in [date, volume, value, note] {
            field.set(String::new());
        }
    };
    let payment = move || dev.with(|d| d.as_ref().ok().and_then(|d| d.payment));
    let rows = move || {
        let t = app.t();
        dev.with(|d| {
            let Ok(d) = d else { return None };
            app.workspace.with(|ws| {
                let settings = category_settings(ws);
                let mut contracts: Vec<&Contract> = d.contracts.iter().collect();
                contracts.sort_by_key(|c| (c.date, c.id));
                let total: i64 = contracts.iter().map(|c| c.volume.0).fold(0i64, i64::saturating_add);
                let largest = d.largest_contract().map(|c| value_text(c.value, ws)).unwrap_or_else(|| "—".into());
                Some(view! {
                    <div class="table-wrap">
                        <table class="data-table" data-testid="contracts">
                            <thead><tr>
                                <th scope="col">{t.col_date}</th>
                                <th scope="col" class="num">{t.col_volume}</th>
                                <th scope="col" class="num">{t.col_value}</th>
                                <th scope="col">{t.col_note}</th>
                                <th scope="col"><span class="visually-hidden">{t.remove}</span></th>
                            </tr></thead>
                            <tbody>
                                {contracts.into_iter().map(|c| {
                                    let cid = c.id;
                                    view! {
                                        <tr data-testid="contract-row">
                                            <td>{c.date.to_string()}</td>
                                            <td class="num">{volume_text(c.volume, &settings)}</td>
                                            <td class="num">{value_text(c.value, ws)}</td>
                                            <td class="wrap">{c.note.clone()}</td>
                                            <td><button type="button" class="icon danger" aria-label=t.remove
                                                on:click=move |_| edit_development(app, id, |d| d.contracts.retain(|c| c.id != cid))>"×"</button></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p data-testid="contracts-total">{fill(t.dev_cumulative, &[&volume_text(Amount(total), &settings), &largest])}</p>
                })
            })
        })
    };
    view! {
        <div class="dev-part" data-testid="dev-contracts">
            <h3>{tr(|t| t.dev_contracts)}</h3>
            <label class="field">
                <span>{tr(|t| t.payment_label)}</span>
                <select data-field="payment" on:change=move |ev| {
                    let picked = PaymentRecord::from_slug(&event_target_value(&ev));
                    edit_development(app, id, |d| d.payment = picked);
                }>
                    <option value="" prop:selected=move || payment().is_none()>{move || app.t().payment(None)}</option>
                    {PaymentRecord::ALL.into_iter().map(|p| view! {
                        <option value=p.slug() prop:selected=move || payment() == Some(p)>{move || app.t().payment(Some(p))}</option>
                    }).collect_view()}
                </select>
            </label>
            {rows}
            <div class="inline-form" data-role="entry">
                <label class="field"><span>{tr(|t| t.col_date)}</span>
                    <input type="date" data-testid="contract-date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/></label>
                <label class="field"><span>{tr(|t| t.col_volume)}</span>
                    <input type="text" inputmode="decimal" data-testid="contract-volume" prop:value=move || volume.get() on:input=move |ev| volume.set(event_target_value(&ev))/></label>
                <label class="field"><span>{tr(|t| t.col_value)}</span>
                    <input type="text" inputmode="decimal" data-testid="contract-value" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/></label>
                <label class="field"><span>{tr(|t| t.col_note)}</span>
                    <input type="text" data-testid="contract-note" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/></label>
                <button type="button" data-testid="contract-add" on:click=add>{tr(|t| t.contract_add)}</button>
            </div>
            <Show when=move || error.get()>
                <p class="field-error" role="alert">{tr(|t| t.contract_needs_date)}</p>
            </Show>
        </div>
    }
}

#[component]
fn Referrals(id: AccountId, dev: Dev) -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(String::new());
    let signed = RwSignal::new(false);
    let date = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let add = move |_| {
        let who = name.get_untracked().trim().to_owned();
        if who.is_empty() {
            error.set(true);
            return;
        }
        error.set(false);
        let is_signed = signed.get_untracked();
        let on = parse_date(&date.get_untracked()).filter(|_| is_signed);
        edit_development(app, id, |d| {
            d.add_referral(Referral {
                id: 0,
                name: who,
                account: None,
                signed: is_signed,
                date: on,
            });
        });
        name.set(String::new());
        signed.set(false);
        date.set(String::new());
    };
    let list = move || {
        let t = app.t();
        dev.with(|d| {
            let referrals = d.as_ref().map(|d| d.referrals.clone()).unwrap_or_default();
            view! {
                <ul data-testid="referrals">
                    {referrals.into_iter().map(|r| {
                        let rid = r.id;
                        let mut text = r.name.clone();
                        if r.signed {
                            text.push_str(&format!(" · {}", t.referral_signed));
                        }
                        if let Some(on) = r.date {
                            text.push_str(&format!(" · {on}"));
                        }
                        view! {
                            <li data-testid="referral-row">{text}" "
                                <button type="button" class="icon danger" aria-label=t.remove
                                    on:click=move |_| edit_development(app, id, |d| d.referrals.retain(|r| r.id != rid))>"×"</button></li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <div class="dev-part" data-testid="dev-referrals">
            <h3>{tr(|t| t.dev_referrals)}</h3>
            {list}
            <div class="inline-form" data-role="entry">
                <label class="field"><span>{tr(|t| t.referral_name)}</span>
                    <input type="text" data-testid="referral-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/></label>
                <label class="field checkbox"><input type="checkbox" data-testid="referral-signed" prop:checked=move || signed.get()
                    on:change=move |ev| signed.set(event_target_checked(&ev))/><span>{tr(|t| t.referral_signed)}</span></label>
                <label class="field"><span>{tr(|t| t.col_date)}</span>
                    <input type="date" data-testid="referral-date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/></label>
                <button type="button" data-testid="referral-add" on:click=add>{tr(|t| t.referral_add)}</button>
            </div>
            <Show when=move || error.get()>
                <p class="field-error" role="alert">{tr(|t| t.referral_needs_name)}</p>
            </Show>
        </div>
    }
}

#[component]
fn Strategic(id: AccountId, dev: Dev) -> impl IntoView {
    let app = use_app();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let flag = move || dev.with(|d| d.as_ref().ok().and_then(|d| d.strategic.clone()));
    let set = move |_| match StrategicFlag::new(&reason.get_untracked(), today()) {
        Ok(flag) => {
            error.set(false);
            edit_development(app, id, |d| d.strategic = Some(flag));
            reason.set(String::new());
        }
        Err(_) => error.set(true),
    };
    view! {
        <div class="dev-part" data-testid="dev-strategic">
            <h3>{tr(|t| t.dev_strategic)}</h3>
            {move || match flag() {
                Some(f) => view! {
                    <p data-testid="strategic-flag">{format!("{} ({})", f.reason(), f.at())}" "
                        <button type="button" data-testid="strategic-clear"
                            on:click=move |_| edit_development(app, id, |d| d.strategic = None)>{tr(|t| t.strategic_clear)}</button></p>
                }
                .into_any(),
                None => view! {
                    <div class="inline-form" data-role="entry">
                        <label class="field wide"><span>{tr(|t| t.strategic_reason)}</span>
                            <input type="text" data-testid="strategic-reason" prop:value=move || reason.get()
                                on:input=move |ev| reason.set(event_target_value(&ev))/></label>
                        <button type="button" data-testid="strategic-set" on:click=set>{tr(|t| t.strategic_set)}</button>
                    </div>
                    <Show when=move || error.get()>
                        <p class="field-error" role="alert">{tr(|t| t.strategic_needs_reason)}</p>
                    </Show>
                }
                .into_any(),
            }}
        </div>
    }
}

/// Which figure of the forecast an input edits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Figure {
    Sales,
    Profit,
    Management,
    Travel,
    Risk,
    Development,
}

impl Figure {
    const ALL: [Figure; 6] = [
        Figure::Sales,
        Figure::Profit,
        Figure::Management,
        Figure::Travel,
        Figure::Risk,
        Figure::Development,
    ];

    fn slug(self) -> &'static str {
        match self {
            Figure::Sales => "sales",
            Figure::Profit => "profit",
            Figure::Management => "management",
            Figure::Travel => "travel",
            Figure::Risk => "risk",
            Figure::Development => "development",
        }
    }

    fn label(self, t: &Strings) -> &'static str {
        match self {
            Figure::Sales => t.forecast_sales,
            Figure::Profit => t.forecast_profit,
            Figure::Management => t.forecast_management,
            Figure::Travel => t.forecast_travel,
            Figure::Risk => t.forecast_risk,
            Figure::Development => t.forecast_development,
        }
    }

    fn text(self, f: &Forecast) -> String {
        let amount = |a: Amount| {
            if a.0 == 0 {
                String::new()
            } else {
                a.to_string()
            }
        };
        match self {
            Figure::Sales => amount(f.expected_sales),
            Figure::Profit => amount(f.expected_profit),
            Figure::Management => amount(f.management_cost),
            Figure::Travel => amount(f.travel_cost),
            Figure::Risk => {
                if f.risk_percent == 0 {
                    String::new()
                } else {
                    f.risk_percent.to_string()
                }
            }
            Figure::Development => amount(f.development_cost),
        }
    }

    /// Sets the figure from what was typed; false when it is not a number. Empty is 0.
    fn set(self, f: &mut Forecast, input: &str) -> bool {
        if self == Figure::Risk {
            return match input.trim() {
                "" => {
                    f.risk_percent = 0;
                    true
                }
                text => text.parse::<u32>().map(|p| f.risk_percent = p).is_ok(),
            };
        }
        let value = if input.trim().is_empty() {
            Amount(0)
        } else {
            match Amount::parse(input) {
                Some(a) => a,
                None => return false,
            }
        };
        match self {
            Figure::Sales => f.expected_sales = value,
            Figure::Profit => f.expected_profit = value,
            Figure::Management => f.management_cost = value,
            Figure::Travel => f.travel_cost = value,
            Figure::Development => f.development_cost = value,
            Figure::Risk => {}
        }
        true
    }
}

#[component]
fn ForecastForm(id: AccountId, dev: Dev) -> impl IntoView {
    let app = use_app();
    let forecast = Memo::new(move |_| dev.with(|d| d.as_ref().ok().and_then(|d| d.forecast)));
    let field = move |figure: Figure| {
        let text = RwSignal::new(
            forecast.with_untracked(|f| f.as_ref().map(|f| figure.text(f)).unwrap_or_default()),
        );
        let error = RwSignal::new(false);
        view! {
            <label class="field">
                <span>{move || figure.label(app.t())}</span>
                <input type="text" inputmode="decimal" data-forecast=figure.slug()
                    aria-invalid=move || error.get().to_string()
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    on:change=move |ev| {
                        let input = event_target_value(&ev);
                        let mut next = forecast.get_untracked().unwrap_or_default();
                        if figure.set(&mut next, &input) {
                            error.set(false);
                            let empty = next == Forecast::default();
                            edit_development(app, id, |d| d.forecast = (!empty).then_some(next));
                        } else {
                            error.set(true);
                        }
                    }/>
                <Show when=move || error.get()>
                    <span class="field-error" role="alert">{tr(|t| t.forecast_invalid_number)}</span>
                </Show>
            </label>
        }
    };
    let result = move || {
        let t = app.t();
        forecast.with(|f| {
            let f = f.as_ref()?;
            let problems: Vec<&'static str> = f
                .problems()
                .into_iter()
                .map(|p| match p {
                    ForecastProblem::NegativeSales => t.forecast_negative_sales,
                    ForecastProblem::NegativeCost(Cost::Management | Cost::Travel | Cost::Development) => t.forecast_negative_cost,
                    ForecastProblem::RiskOver100 => t.forecast_risk_over,
                    ForecastProblem::ProfitAboveSales => t.forecast_profit_above,
                })
                .collect();
            let verdict = f.verdict();
            let net = app.workspace.with(|ws| value_text(verdict.net(), ws));
            let margin = f.margin_tenths_percent().map(|m| {
                let sign = if m < 0 { "-" } else { "" };
                fill(t.forecast_margin, &[&format!("{sign}{}.{}", m.abs() / 10, m.abs() % 10)])
            });
            let (class, word) = if verdict.is_worth() {
                ("verdict worth", t.forecast_worth)
            } else {
                ("verdict not-worth", t.forecast_not_worth)
            };
            Some(view! {
                <p data-testid="forecast-result">
                    <strong class=class data-testid="forecast-verdict">{word}</strong>" · "
                    <span data-testid="forecast-net">{fill(t.forecast_net, &[&net])}</span>
                    {margin.map(|m| format!(" · {m}"))}
                </p>
                {(!problems.is_empty()).then(|| view! {
                    <ul class="field-error" role="alert">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                })}
            })
        })
    };
    view! {
        <div class="dev-part" data-testid="dev-forecast">
            <h3>{tr(|t| t.dev_forecast)}</h3>
            <p class="hint">{tr(|t| t.forecast_hint)}</p>
            <div class="inline-form">{Figure::ALL.into_iter().map(field).collect_view()}</div>
            {result}
        </div>
    }
}

#[component]
fn Relationship(id: AccountId, dev: Dev) -> impl IntoView {
    let app = use_app();
    let on = RwSignal::new(date_value(Some(today())));
    let scores = RwSignal::new([3u8; 4]);
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let add = move |_| {
        let Some(date) = parse_date(&on.get_untracked()) else {
            error.set(true);
            return;
        };
        match RelationshipAssessment::new(date, scores.get_untracked(), today()) {
            Ok(mut assessment) => {
                error.set(false);
                assessment.note = note.get_untracked().trim().to_owned();
                edit_development(app, id, |d| {
                    d.add_assessment(assessment);
                });
                note.set(String::new());
            }
            Err(_) => error.set(true),
        }
    };
    let assessments = Memo::new(move |_| {
        dev.with(|d| {
            d.as_ref()
                .map(|d| d.assessments.clone())
                .unwrap_or_default()
        })
    });
    let state =
        Memo::new(move |_| dev.with(|d| d.as_ref().ok().and_then(|d| d.relationship_state)));
    let score_select = move |index: usize, dimension: Dimension| {
        view! {
            <label class="field">
                <span>{move || app.t().dimension(dimension).0}</span>
                <select data-dimension=dimension.slug() on:change=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<u8>() {
                        scores.update(|s| s[index] = v);
                    }
                }>
                    {SCORE_RANGE.map(|v| view! {
                        <option value=v.to_string() prop:selected=move || scores.get()[index] == v>{v.to_string()}</option>
                    }).collect_view()}
                </select>
                <small class="hint">{move || app.t().dimension(dimension).1}</small>
            </label>
        }
    };
    let current = move || {
        let t = app.t();
        assessments.with(|list| match current_level(list) {
            None => fill(t.relationship_current, &[&t.relationship_never]),
            Some(level) => match change(list) {
                Some((before, now)) if before != now => fill(
                    t.relationship_changed,
                    &[&t.relationship_level(now), &t.relationship_level(before)],
                ),
                _ => fill(t.relationship_current, &[&t.relationship_level(level)]),
            },
        })
    };
    let history_rows = move || {
        let t = app.t();
        assessments.with(|list| {
            let mut rows: Vec<RelationshipAssessment> = history(list).into_iter().cloned().collect();
            rows.reverse();
            rows.into_iter()
                .map(|a| {
                    let aid = a.id;
                    view! {
                        <tr data-testid="assessment-row">
                            <td>{a.on.to_string()}</td>
                            {Dimension::ALL.into_iter().map(|d| view! { <td class="num">{a.score(d)}</td> }).collect_view()}
                            <td class="num">{a.total()}</td>
                            <td>{t.relationship_level(a.level())}</td>
                            <td class="wrap">{a.note.clone()}</td>
                            <td><button type="button" class="icon danger" aria-label=t.remove
                                on:click=move |_| edit_development(app, id, |d| d.assessments.retain(|a| a.id != aid))>"×"</button></td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let classification = move || {
        let t = app.t();
        let score = app.ranking.with(|r| {
            r.row(id)
                .and_then(|row| row.assessment.score(Axis::Attractiveness))
        });
        let threshold = app.workspace.with(|ws| ws.tiers.thresholds.attractiveness);
        match (score, state.get()) {
            (Some(score), Some(state)) => {
                let class = attractiveness_class(score, threshold);
                view! {
                    <p data-testid="classification">{fill(t.classification, &[&t.attractiveness_class(class), &t.relationship_state(Some(state))])}</p>
                    <p class="strategy" data-testid="strategy">{t.strategy(strategy(class, state))}</p>
                }
                .into_any()
            }
            _ => view! { <p class="hint" data-testid="classification">{t.classification_unscored}</p> }.into_any(),
        }
    };
    let suggested = move || {
        let t = app.t();
        assessments.with(|list| suggested_state(list))
            .filter(|s| Some(*s) != state.get())
            .map(|s| view! { <p class="hint" data-testid="state-suggested">{fill(t.state_suggested, &[&t.relationship_state(Some(s))])}</p> })
    };
    let on_state: Arc<dyn Fn(String) + Send + Sync> = Arc::new(move |slug: String| {
        let picked = RelationshipState::from_slug(&slug);
        edit_development(app, id, |d| d.relationship_state = picked);
    });
    view! {
        <div class="dev-part" data-testid="dev-relationship">
            <h3>{tr(|t| t.dev_relationship)}</h3>
            <p data-testid="relationship-current"><strong>{current}</strong></p>
            <p class="hint">{tr(|t| t.relationship_hint)}</p>
            <div class="inline-form assessment-form" data-role="entry">
                <label class="field"><span>{tr(|t| t.assessment_date)}</span>
                    <input type="date" data-testid="assessment-date" prop:value=move || on.get() on:input=move |ev| on.set(event_target_value(&ev))/></label>
                {Dimension::ALL.into_iter().enumerate().map(|(i, d)| score_select(i, d)).collect_view()}
                <label class="field wide"><span>{tr(|t| t.col_note)}</span>
                    <input type="text" data-testid="assessment-note" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/></label>
                <button type="button" data-testid="assessment-add" on:click=add>{tr(|t| t.assessment_add)}</button>
            </div>
            <Show when=move || error.get()>
                <p class="field-error" role="alert">{tr(|t| t.assessment_future)}</p>
            </Show>
            <Show when=move || assessments.with(|a| !a.is_empty())>
                <div class="table-wrap">
                    <table class="data-table" data-testid="assessments">
                        <thead><tr>
                            <th scope="col">{tr(|t| t.assessment_date)}</th>
                            {Dimension::ALL.into_iter().map(|d| view! { <th scope="col" class="num">{move || app.t().dimension(d).0}</th> }).collect_view()}
                            <th scope="col" class="num">{tr(|t| t.col_total)}</th>
                            <th scope="col">{tr(|t| t.col_level)}</th>
                            <th scope="col">{tr(|t| t.col_note)}</th>
                            <th scope="col"><span class="visually-hidden">{tr(|t| t.remove)}</span></th>
                        </tr></thead>
                        <tbody>{history_rows}</tbody>
                    </table>
                </div>
            </Show>
            <label class="field">
                <span>{tr(|t| t.relationship_state)}</span>
                <select data-field="relationship_state" on:change=move |ev| on_state(event_target_value(&ev))>
                    <option value="" prop:selected=move || state.get().is_none()>{move || app.t().relationship_state(None)}</option>
                    {RelationshipState::ALL.into_iter().map(|s| view! {
                        <option value=s.slug() prop:selected=move || state.get() == Some(s)>{move || app.t().relationship_state(Some(s))}</option>
                    }).collect_view()}
                </select>
            </label>
            {suggested}
            {classification}
        </div>
    }
}
