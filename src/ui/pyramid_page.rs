//! The customer pyramid page: the plotters drawing with a clickable band per level, the
//! plain-language reading of how far the shape is from the recommended one, each level's
//! accounts, and the contact cadence behind planned selling time.

use leptos::prelude::*;

use crate::charts::pyramid::BandText;
use crate::domain::pyramid::{build_pyramid, CadencePlan, Level, LoggedTime, Measure, Pyramid};
use crate::domain::Tier;
use crate::i18n::{fill, Strings};

use super::router::Route;
use super::state::use_app;
use super::tools_module::{self, ChartsState};
use super::widgets::{tr, NextStep, ShowMore, TierBadge, PAGE_SIZE};

const WIDTH: u32 = 760;
const HEIGHT: u32 = 380;
/// Percentage points of difference from the recommendation that count as a deviation.
const TOLERANCE: u32 = 5;

fn share_text(share: Option<u32>) -> String {
    share.map_or_else(|| "—".to_owned(), |s| format!("{s}%"))
}

fn band_texts(t: &Strings, p: &Pyramid) -> Vec<BandText> {
    let deviations = p.deviations(TOLERANCE);
    Level::ALL
        .into_iter()
        .map(|level| BandText {
            level,
            title: t.level(Some(level)).to_owned(),
            accounts: fill(
                t.band_accounts,
                &[
                    &p.level(level).accounts.len(),
                    &share_text(p.account_share(level)),
                    &level.recommended_account_share(),
                ],
            ),
            time: fill(
                t.band_time,
                &[
                    &share_text(p.time_share(level)),
                    &level.recommended_time_share(),
                ],
            ),
            deviates: deviations.iter().any(|d| d.level == level),
        })
        .collect()
}

#[component]
pub fn PyramidPage() -> impl IntoView {
    let app = use_app();
    let pyramid = Memo::new(move |_| {
        app.ranking.with(|r| {
            app.workspace.with(|ws| {
                build_pyramid(
                    &ws.accounts,
                    |id| r.row(id).and_then(|row| row.assessment.effective),
                    &ws.tiers,
                )
            })
        })
    });
    let drawing = Memo::new(move |_| {
        let t = app.t();
        // Drawn by the chart module, once it is loaded (the page shows progress till then).
        if app.charts.get() != ChartsState::Ready {
            return Err(String::new());
        }
        pyramid.with(|p| tools_module::draw_pyramid(&band_texts(t, p), WIDTH, HEIGHT))
    });
    let selected = RwSignal::new(None::<Level>);
    let shown = RwSignal::new(PAGE_SIZE);

    let readings = move || {
        let t = app.t();
        pyramid.with(|p| {
            if p.account_total() == 0 {
                return Vec::new();
            }
            let deviations = p.deviations(TOLERANCE);
            if deviations.is_empty() {
                return vec![t.pyramid_shape_ok.to_owned()];
            }
            deviations
                .into_iter()
                .map(|d| {
                    let template = match d.measure {
                        Measure::Time => t.deviation_time,
                        Measure::Accounts => t.deviation_accounts,
                    };
                    fill(
                        template,
                        &[&t.level(Some(d.level)), &d.actual, &d.recommended],
                    )
                })
                .collect()
        })
    };

    app.ensure_charts();
    let chart = move || -> AnyView {
        let t = app.t();
        let d = match tools_module::chart_ready(&app.charts.get(), drawing.get(), t) {
            Ok(drawing) => drawing,
            Err(placeholder) => return placeholder,
        };
        let bands = d.bands.clone();
        let texts = pyramid.with(|p| band_texts(t, p));
        view! {
            <div class="chart-frame pyramid-frame" data-testid="pyramid">
                <div class="chart-svg" inner_html=d.svg></div>
                {bands.into_iter().zip(texts).map(|(band, text)| {
                    let level = band.level;
                    let top = f64::from(band.top) / f64::from(HEIGHT) * 100.0;
                    let height = f64::from(band.bottom - band.top) / f64::from(HEIGHT) * 100.0;
                    // Style properties, never a `style` attribute, which the page's
                    // content-security policy refuses.
                    view! {
                        <button type="button" class="band-button" data-level=level.slug()
                            style:top=format!("{top:.3}%")
                            style:height=format!("{height:.3}%")
                            aria-pressed=move || (selected.get() == Some(level)).to_string()
                            aria-label=format!("{} — {}; {}", text.title, text.accounts, text.time)
                            on:click=move |_| {
                                selected.set(Some(level));
                                shown.set(PAGE_SIZE);
                            }></button>
                    }
                }).collect_view()}
            </div>
        }
        .into_any()
    };

    let level_list = move || {
        let level = selected.get()?;
        let t = app.t();
        let ids = pyramid.with(|p| p.level(level).accounts.clone());
        let limit = shown.get();
        let items = app.ranking.with(|r| {
            app.workspace.with(|ws| {
                let accounts = ws.accounts_by_id();
                ids.iter()
                    .take(limit)
                    .filter_map(|id| accounts.get(id).copied())
                    .map(|a| {
                        let row = r.row(a.id);
                        let tier = row.and_then(|row| row.assessment.effective);
                        let overridden = row.is_some_and(|row| row.assessment.overridden);
                        view! {
                            <li>
                                <a href=Route::Account(a.id).href()>{a.name.clone()}</a>
                                " " <TierBadge tier=tier overridden=overridden/>
                                " " <span class="muted">{t.relationship(a.relationship)}</span>
                            </li>
                        }
                    })
                    .collect_view()
            })
        });
        Some(view! {
            <section class="card" data-testid="level-accounts" data-level=level.slug()>
                <h2>{fill(t.level_list_heading, &[&t.level(Some(level)), &ids.len()])}</h2>
                <ul class="level-accounts">{items}</ul>
                <ShowMore shown=shown total=Signal::derive(move || {
                    selected.get().map_or(0, |l| pyramid.with(|p| p.level(l).accounts.len()))
                })/>
            </section>
        })
    };

    view! {
        <section class="page pyramid-page">
            <h1>{tr(|t| t.pyramid_title)}</h1>
            <p class="hint">{tr(|t| t.pyramid_intro)}</p>
            <Show when=move || pyramid.with(|p| p.account_total() > 0) fallback=move || view! {
                <div class="empty-state" data-testid="pyramid-empty">
                    <p>{tr(|t| t.pyramid_empty)}</p>
                    <NextStep here=Route::Pyramid/>
                </div>
            }>
                {chart}
                <p class="hint screen-only">{tr(|t| t.level_pick_hint)}</p>
            </Show>
            <section class="card reading" data-testid="pyramid-reading">
                <h2>{tr(|t| t.pyramid_reading)}</h2>
                <ul>{move || readings().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                <p class="hint">{move || fill(app.t().outside_count, &[&pyramid.with(|p| p.outside.len())])}</p>
            </section>
            <LoggedTimeShares pyramid=pyramid/>
            {level_list}
            <TimePlan/>
        </section>
    }
}

/// The numbers behind planned selling time: contacts a year and hours per contact.
#[component]
fn TimePlan() -> impl IntoView {
    let app = use_app();
    let row = move |tier: Tier| {
        let error = RwSignal::new(false);
        let input = move |key: &'static str,
                          get: fn(&CadencePlan) -> u32,
                          put: fn(&mut CadencePlan, u32)| {
            let label = move || {
                let t = app.t();
                let what = if key == "contacts" {
                    t.contacts_per_year
                } else {
                    t.hours_per_contact
                };
                format!("{} — {what}", t.tier(tier))
            };
            view! {
                <td class="num">
                    <input type="number" min="0" step="1" class="planned-input" data-plan=key
                        aria-label=label
                        prop:value=move || app.workspace.with(|ws| get(ws.tiers.contact_plan.for_tier(tier))).to_string()
                        on:input=move |ev| {
                            match event_target_value(&ev).trim().parse::<u32>() {
                                Ok(n) => {
                                    error.set(false);
                                    app.edit(|ws| put(ws.tiers.contact_plan.for_tier_mut(tier), n));
                                }
                                Err(_) => error.set(true),
                            }
                        }/>
                </td>
            }
        };
        view! {
            <tr data-tier=tier.slug()>
                <th scope="row"><TierBadge tier=Some(tier)/></th>
                {input("contacts", |p| p.contacts_per_year, |p, n| p.contacts_per_year = n)}
                {input("hours", |p| p.hours_per_contact, |p, n| p.hours_per_contact = n)}
                <td class="num" data-testid="hours-per-year">
                    {move || app.workspace.with(|ws| ws.tiers.contact_plan.for_tier(tier).hours_per_year())}
                    <Show when=move || error.get()>
                        <span class="field-error" role="alert">{tr(|t| t.whole_number_invalid)}</span>
                    </Show>
                </td>
            </tr>
        }
    };
    view! {
        <section class="card">
            <h2>{tr(|t| t.time_plan_heading)}</h2>
            <table class="data-table time-plan" data-testid="time-plan">
                <thead><tr>
                    <th scope="col">{tr(|t| t.col_tier)}</th>
                    <th scope="col" class="num">{tr(|t| t.contacts_per_year)}</th>
                    <th scope="col" class="num">{tr(|t| t.hours_per_contact)}</th>
                    <th scope="col" class="num">{tr(|t| t.hours_per_year)}</th>
                </tr></thead>
                <tbody>{Tier::ALL.into_iter().map(row).collect_view()}</tbody>
            </table>
        </section>
    }
}

/// The selling time logged per level over a chosen period (the contact log's hours),
/// beside the planned share and the recommended one.
#[component]
fn LoggedTimeShares(pyramid: Memo<Pyramid>) -> impl IntoView {
    use chrono::{Datelike, Months};

    let app = use_app();
    let today = super::plan::today();
    let year_ago = today
        .checked_sub_months(Months::new(12))
        .and_then(|d| d.succ_opt())
        .unwrap_or(today);
    let from = RwSignal::new(year_ago);
    let to = RwSignal::new(today);
    let logged = Memo::new(move |_| {
        let (from, to) = (from.get(), to.get());
        app.workspace.with(|ws| {
            let accounts = ws.accounts_by_id();
            pyramid.with(|p| {
                LoggedTime::of(p, |id| {
                    accounts
                        .get(&id)
                        .and_then(|a| a.engagement.as_ref())
                        .and_then(|doc| doc.read().ok())
                        .map_or(0, |e| {
                            crate::domain::engagement::activity::logged_tenths(
                                &e.activities,
                                from,
                                to,
                            )
                        })
                })
            })
        })
    });
    let preset = move |start: chrono::NaiveDate| {
        from.set(start);
        to.set(today);
    };
    let quarter_start = today
        .with_day(1)
        .and_then(|d| d.with_month(d.month0() / 3 * 3 + 1))
        .unwrap_or(today);
    let date_input = move |key: &'static str,
                           label: fn(&Strings) -> &'static str,
                           value: RwSignal<chrono::NaiveDate>| {
        view! {
            <label class="field">
                <span>{tr(label)}</span>
                <input type="date" data-field=key
                    prop:value=move || super::plan::date_value(Some(value.get()))
                    on:change=move |ev| {
                        if let Some(d) = super::plan::parse_date(&event_target_value(&ev)) {
                            value.set(d);
                        }
                    }/>
            </label>
        }
    };
    let rows = move || {
        let t = app.t();
        let logged = logged.get();
        pyramid.with(|p| {
            Level::ALL
                .into_iter()
                .map(|level| {
                    let tenths = logged.tenths(level);
                    view! {
                        <tr data-level=level.slug()>
                            <th scope="row">{t.level(Some(level))}</th>
                            <td class="num">{format!("{}.{}", tenths / 10, tenths % 10)}</td>
                            <td class="num" data-testid="logged-share">{share_text(logged.share(level))}</td>
                            <td class="num">{share_text(p.time_share(level))}</td>
                            <td class="num">{format!("{}%", level.recommended_time_share())}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card logged-time" data-testid="logged-time">
            <h2>{tr(|t| t.logged_title)}</h2>
            <p class="hint">{tr(|t| t.logged_hint)}</p>
            <div class="filters">
                {date_input("logged-from", |t| t.logged_from, from)}
                {date_input("logged-to", |t| t.logged_to, to)}
                <div class="actions">
                    <button type="button" on:click=move |_| preset(today.with_day(1).unwrap_or(today))>{tr(|t| t.calendar_this_month)}</button>
                    <button type="button" on:click=move |_| preset(quarter_start)>{tr(|t| t.logged_this_quarter)}</button>
                    <button type="button" on:click=move |_| preset(today.with_ordinal(1).unwrap_or(today))>{tr(|t| t.logged_this_year)}</button>
                    <button type="button" data-testid="logged-last-year" on:click=move |_| preset(year_ago)>{tr(|t| t.logged_last_12)}</button>
                </div>
            </div>
            <div class="table-wrap">
            <table class="data-table" data-testid="logged-table">
                <thead><tr>
                    <th scope="col">{tr(|t| t.logged_level)}</th>
                    <th scope="col" class="num">{tr(|t| t.logged_hours)}</th>
                    <th scope="col" class="num">{tr(|t| t.logged_share)}</th>
                    <th scope="col" class="num">{tr(|t| t.logged_planned)}</th>
                    <th scope="col" class="num">{tr(|t| t.logged_recommended)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
            <Show when=move || logged.with(|l| l.total_tenths() == 0)>
                <p class="hint" data-testid="nothing-logged">{tr(|t| t.logged_none)}</p>
            </Show>
        </section>
    }
}
