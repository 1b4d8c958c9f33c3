//! The account page's promotion plans (业务推广计划): any number per account, each edited
//! in place, its problems said beside it, removable with undo.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::engagement::promotion::{
    Effect, Promotion, PromotionForm, PromotionId, Support,
};
use crate::domain::engagement::{AccountEngagement, EngagementDoc};
use crate::domain::AccountId;
use crate::i18n::{fill, Strings};

use super::super::plan::{date_value, parse_date};
use super::super::state::{use_app, AppState, Notice, Undo};
use super::super::widgets::{choice_field, keyed_rows, select_field, tr, SelectOptions};
use crate::domain::doc::UnreadableDoc;

use super::{edit_engagement, engagement_memo, engagement_of, plan_people, refused};

/// Changes one promotion plan of the account.
fn edit_promotion(
    app: AppState,
    account: AccountId,
    id: PromotionId,
    f: impl FnOnce(&mut Promotion),
) {
    if !edit_engagement(app, account, |e| {
        if let Some(p) = e.promotions.iter_mut().find(|p| p.id == id) {
            f(p);
        }
    }) {
        refused(app);
    }
}

#[component]
pub fn PromotionPlans(id: AccountId) -> impl IntoView {
    let app = use_app();
    let engagement = engagement_memo(app, id);
    let keys = Signal::derive(move || {
        engagement.with(|e| {
            e.as_ref()
                .map(|e| e.promotions.iter().map(|p| u64::from(p.id)).collect())
                .unwrap_or_default()
        })
    });
    let people = plan_people(app, id);
    let add = move |_| {
        if !edit_engagement(app, id, |e| {
            let pid = e.take_id();
            e.promotions.push(Promotion {
                id: pid,
                ..Promotion::default()
            });
        }) {
            refused(app);
        }
    };
    let rows = keyed_rows(
        keys,
        Arc::new(move |key| promotion_card(app, id, key as PromotionId, engagement, people)),
    );
    view! {
        <section class="card promotions" data-testid="promotions">
            <h2>{tr(|t| t.promo_title)}</h2>
            <p class="hint">{tr(|t| t.promo_hint)}</p>
            <Show when=move || keys.with(Vec::is_empty)>
                <p class="empty-state" data-testid="no-promotions">{tr(|t| t.promo_none)}</p>
            </Show>
            <ol class="promotion-list">{rows}</ol>
            <div class="actions">
                <button type="button" data-testid="add-promotion" on:click=add>{tr(|t| t.promo_add)}</button>
            </div>
        </section>
    }
}

fn promotion_card(
    app: AppState,
    account: AccountId,
    id: PromotionId,
    engagement: Memo<Result<AccountEngagement, UnreadableDoc>>,
    people: Memo<Vec<(u32, String)>>,
) -> AnyView {
    let promotion = Memo::new(move |_| {
        engagement.with(|e| {
            e.as_ref()
                .ok()
                .and_then(|e| e.promotions.iter().find(|p| p.id == id).cloned())
                .unwrap_or_default()
        })
    });
    let text = move |key: &'static str,
                     label: fn(&Strings) -> &'static str,
                     get: fn(&Promotion) -> &String,
                     put: fn(&mut Promotion, String),
                     wide: bool| {
        view! {
            <label class="field" class:wide=wide>
                <span>{tr(label)}</span>
                <input type="text" data-field=key prop:value=move || promotion.with(|p| get(p).clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit_promotion(app, account, id, |p| put(p, v));
                    }/>
            </label>
        }
    };
    let targets: Signal<SelectOptions> = Signal::derive(move || {
        let mut options = vec![(String::new(), app.t().eng_nobody.to_owned())];
        options.extend(
            people
                .get()
                .into_iter()
                .map(|(pid, name)| (pid.to_string(), name)),
        );
        options
    });
    let target = select_field(
        |t| t.promo_target,
        "promotion-target".into(),
        targets,
        Signal::derive(move || {
            promotion.with(|p| p.target_person.map(|t| t.to_string()).unwrap_or_default())
        }),
        Arc::new(move |v: String| {
            let person = v.parse().ok();
            edit_promotion(app, account, id, |p| p.target_person = person);
        }),
    );
    let support = move || {
        let t = app.t();
        promotion.with(|p| {
            p.support
                .iter()
                .enumerate()
                .map(|(at, s)| {
                    let field = move |key: &'static str, label: &'static str, value: String, put: fn(&mut Support, String)| {
                        view! {
                            <label class="field">
                                <span>{label}</span>
                                <input type="text" data-field=key prop:value=value
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        edit_promotion(app, account, id, |p| {
                                            if let Some(s) = p.support.get_mut(at) { put(s, v) }
                                        });
                                    }/>
                            </label>
                        }
                    };
                    view! {
                        <div class="item-row support-row">
                            {field("support-who", t.promo_support_who, s.who.clone(), |s, v| s.who = v)}
                            {field("support-duty", t.promo_support_duty, s.duty.clone(), |s, v| s.duty = v)}
                            <label class="field">
                                <span>{t.promo_support_by}</span>
                                <input type="date" data-field="support-by" prop:value=date_value(s.by)
                                    on:change=move |ev| {
                                        let by = parse_date(&event_target_value(&ev));
                                        edit_promotion(app, account, id, |p| {
                                            if let Some(s) = p.support.get_mut(at) { s.by = by }
                                        });
                                    }/>
                            </label>
                            <button type="button" class="link-button danger"
                                on:click=move |_| edit_promotion(app, account, id, |p| {
                                    if at < p.support.len() { p.support.remove(at); }
                                })>{t.promo_support_remove}</button>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let problems = move || {
        let t = app.t();
        let ids: Vec<u32> = people.with(|p| p.iter().map(|(id, _)| *id).collect());
        promotion.with(|p| {
            p.problems(&ids)
                .into_iter()
                .map(
                    |problem| view! { <li class="field-error">{t.promotion_problem(problem)}</li> },
                )
                .collect_view()
        })
    };
    view! {
        <li class="item-card promotion" data-promotion-id=id.to_string()>
            <div class="form-grid">
                {text("promotion-purpose", |t| t.promo_purpose, |p| &p.purpose, |p, v| p.purpose = v, false)}
                {text("promotion-products", |t| t.promo_products, |p| &p.products, |p, v| p.products = v, false)}
                {text("promotion-measure", |t| t.promo_success_measure, |p| &p.success_measure, |p, v| p.success_measure = v, false)}
                {target}
                {choice_field("promotion-form", |t| t.promo_form, None,
                    Signal::derive(move || Some(promotion.with(|p| p.form))),
                    move |f: Option<PromotionForm>| if let Some(f) = f { edit_promotion(app, account, id, |p| p.form = f) })}
                <label class="check">
                    <input type="checkbox" data-field="promotion-done" prop:checked=move || promotion.with(|p| p.done)
                        on:change=move |ev| {
                            let done = event_target_checked(&ev);
                            edit_promotion(app, account, id, |p| p.done = done);
                        }/>
                    " " {tr(|t| t.promo_done)}
                </label>
                {choice_field("promotion-effect", |t| t.promo_effect, None,
                    Signal::derive(move || Some(promotion.with(|p| p.effect))),
                    move |e: Option<Effect>| if let Some(e) = e { edit_promotion(app, account, id, |p| p.effect = e) })}
                {text("promotion-reason", |t| t.promo_effect_reason, |p| &p.effect_reason, |p, v| p.effect_reason = v, false)}
            </div>
            <fieldset class="field wide support">
                <legend>{tr(|t| t.promo_support)}</legend>
                {support}
                <button type="button" data-testid="add-support"
                    on:click=move |_| edit_promotion(app, account, id, |p| p.support.push(Support::default()))>
                    {tr(|t| t.promo_support_add)}
                </button>
            </fieldset>
            <ul class="problems" data-testid="promotion-problems">{problems}</ul>
            <button type="button" class="link-button danger" data-testid="remove-promotion"
                on:click=move |_| remove(app, account, promotion.get_untracked())>{tr(|t| t.promo_remove)}</button>
        </li>
    }
    .into_any()
}

fn remove(app: AppState, account: AccountId, promotion: Promotion) {
    let pid = promotion.id;
    if !edit_engagement(app, account, |e| e.promotions.retain(|p| p.id != pid)) {
        return refused(app);
    }
    let name = if promotion.purpose.trim().is_empty() {
        app.t().promo_unnamed.to_owned()
    } else {
        promotion.purpose.clone()
    };
    let undo = Undo::new(move |ws, now| {
        ws.update_account(account, now, |a| {
            let Ok(mut e): Result<AccountEngagement, _> = engagement_of(a) else {
                return;
            };
            if !e.promotions.iter().any(|p| p.id == promotion.id) {
                e.promotions.push(promotion.clone());
                e.promotions.sort_by_key(|p| p.id);
            }
            if let Ok(doc) = EngagementDoc::write(&e) {
                a.engagement = doc;
            }
        });
    });
    let text = fill(app.t().removed_item, &[&name]);
    app.notify(Notice::Removed { text, undo });
}
