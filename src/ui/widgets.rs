//! Small shared pieces: the tier badge (same look everywhere), score display, labelled
//! inputs.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::plan::{
    ActionStatus, Attitude, BuyingRole, Grade, InfoLevel, Ladder, Lifecycle, NeedHorizon,
    ObjectiveStatus, Preference, RelationshipLevel,
};
use crate::domain::{Ownership, Relationship, SizeBand, Tenths, Tier};
use crate::i18n::{fill, strings, Strings};

use super::state::use_app;

/// A tier shown the same way everywhere: colour plus a text label and a shape mark, so
/// it reads in grey print and without colour vision.
#[component]
pub fn TierBadge(
    /// The tier in force; `None` shows "not tiered".
    #[prop(into)]
    tier: Signal<Option<Tier>>,
    /// Marks a manager's override.
    #[prop(into, optional)]
    overridden: Signal<bool>,
) -> impl IntoView {
    let app = use_app();
    let class = move || {
        format!(
            "tier-badge tier-{}",
            tier.get().map_or("none", |t| t.slug())
        )
    };
    let mark = move || tier_mark(tier.get());
    view! {
        <span class=class data-tier=move || tier.get().map_or("none", |t| t.slug())>
            <span class="tier-mark" aria-hidden="true">{mark}</span>
            {move || app.t().tier_or_untiered(tier.get())}
            <Show when=move || overridden.get()>
                <span class="override-mark" title=tr(|t| t.overridden_badge)>
                    " ✎ " {tr(|t| t.overridden_badge)}
                </span>
            </Show>
        </span>
    }
}

/// The shape that marks a tier beside its colour.
fn tier_mark(tier: Option<Tier>) -> &'static str {
    match tier {
        Some(Tier::Tier1) => "●",
        Some(Tier::Tier2) => "■",
        Some(Tier::Tier3) => "▲",
        Some(Tier::NotPursued) => "✕",
        None => "·",
    }
}

/// Rows rendered at once in long tables; "show more" adds as many again. More than a
/// screenful on any display, and few enough that a list of 10,000 accounts is drawn,
/// and redrawn on a search or an edit, within a frame or two.
pub const PAGE_SIZE: usize = 50;

/// The "show more" button under a long table; hidden once everything is shown.
#[component]
pub fn ShowMore(
    /// How many rows are rendered now.
    shown: RwSignal<usize>,
    /// How many rows there are in all.
    #[prop(into)]
    total: Signal<usize>,
    /// How many more each click shows; [`PAGE_SIZE`] unless given (for heavier rows).
    #[prop(optional)]
    step: Option<usize>,
) -> impl IntoView {
    let app = use_app();
    let step = step.unwrap_or(PAGE_SIZE);
    view! {
        <Show when=move || { total.get() > shown.get() }>
            <button type="button" class="show-more" data-testid="show-more"
                on:click=move |_| shown.update(|n| *n += step)>
                {move || fill(app.t().show_more, &[&shown.get(), &total.get()])}
            </button>
        </Show>
    }
}

/// The page for an account number that does not exist (deleted, or a stale link).
pub fn account_not_found(id: crate::domain::AccountId) -> AnyView {
    let app = use_app();
    view! {
        <section class="page">
            <p><a href=super::router::Route::Accounts.href()>{tr(|t| t.back_to_accounts)}</a></p>
            <p class="empty-state" data-testid="account-not-found">{move || fill(app.t().account_not_found, &[&id])}</p>
        </section>
    }
    .into_any()
}

/// A score on the 1–10 scale with one decimal, or a dash when incomplete.
pub fn score_text(score: Option<Tenths>) -> String {
    score.map_or_else(|| "—".to_owned(), |s| s.to_string())
}

/// A translated text that follows the language switch.
///
/// Every call returns the same closure type, so the renderer is compiled once for all
/// strings instead of once per string: this keeps the wasm file markedly smaller.
pub fn tr(
    pick: fn(&Strings) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let app = use_app();
    move || pick(app.t())
}

/// An enum the user picks from a list: its values, their stable slugs and their labels.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    fn all() -> &'static [Self];
    fn slug(self) -> &'static str;
    fn from_slug(slug: &str) -> Option<Self>;
    fn label(self, t: &Strings) -> &'static str;
}

macro_rules! choice {
    ($ty:ty, $label:ident) => {
        impl Choice for $ty {
            fn all() -> &'static [Self] {
                &<$ty>::ALL
            }
            fn slug(self) -> &'static str {
                <$ty>::slug(self)
            }
            fn from_slug(slug: &str) -> Option<Self> {
                <$ty>::from_slug(slug)
            }
            fn label(self, t: &Strings) -> &'static str {
                t.$label(self)
            }
        }
    };
}
choice!(Ownership, ownership);
choice!(SizeBand, size_band);
choice!(Relationship, relationship);
choice!(Tier, tier);
choice!(InfoLevel, info_level);
choice!(BuyingRole, buying_role);
choice!(Attitude, attitude);
choice!(RelationshipLevel, relationship_level);
choice!(ObjectiveStatus, objective_status);
choice!(ActionStatus, action_status);
choice!(NeedHorizon, need_horizon);
choice!(Preference, preference);
choice!(Grade, grade);
choice!(Ladder, ladder);
choice!(Lifecycle, lifecycle);
choice!(crate::domain::engagement::team::Role, role);
choice!(
    crate::domain::engagement::promotion::PromotionForm,
    promotion_form
);
choice!(crate::domain::engagement::promotion::Effect, effect);

/// A labelled select over a [`Choice`]. With `unset`, the first entry (label from
/// `unset`) stands for "no value".
pub fn choice_field<T: Choice>(
    key: impl Into<String>,
    label: impl Fn(&Strings) -> &'static str + Send + Sync + 'static,
    unset: Option<fn(&Strings) -> &'static str>,
    current: Signal<Option<T>>,
    on_pick: impl Fn(Option<T>) + 'static,
) -> impl IntoView {
    let language = use_app().language;
    let key: String = key.into();
    view! {
        <label class="field">
            <span>{move || label(strings(language.get()))}</span>
            <select data-field=key on:change=move |ev| on_pick(T::from_slug(&event_target_value(&ev)))>
                {unset.map(|unset| view! {
                    <option value="" selected=move || current.get().is_none()>{tr(unset)}</option>
                })}
                {T::all().iter().map(|&choice| {
                    view! {
                        <option value=choice.slug() selected=move || current.get() == Some(choice)>
                            {move || choice.label(strings(language.get()))}
                        </option>
                    }
                }).collect_view()}
            </select>
        </label>
    }
}

/// A select of the workspace's segments, "all" first; the signal holds "" for all.
pub fn segment_select(testid: &'static str, segment: RwSignal<String>) -> impl IntoView {
    let app = use_app();
    // In the order of the user's language (pinyin order for Chinese).
    let segments = move || {
        let segments = app.workspace.with(|ws| ws.segments());
        let texts: Vec<&str> = segments.iter().map(String::as_str).collect();
        let places = super::dom::collation(&texts, app.language.get());
        let mut placed: Vec<(u32, String)> = places.into_iter().zip(segments).collect();
        placed.sort_by_key(|(place, _)| *place);
        placed.into_iter().map(|(_, s)| s).collect::<Vec<_>>()
    };
    view! {
        <label class="field">
            <span>{tr(|t| t.filter_segment)}</span>
            <select data-testid=testid on:change=move |ev| segment.set(event_target_value(&ev))>
                <option value="" selected=move || segment.get().is_empty()>{tr(|t| t.filter_all)}</option>
                {move || segments().into_iter().map(|s| {
                    let value = s.clone();
                    view! { <option value=value selected=move || segment.get() == s>{s.clone()}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// The required reason of a manager's override (tier or pyramid level).
pub fn reason_field(key: &'static str, reason: RwSignal<String>) -> impl IntoView {
    view! {
        <label class="field grow">
            <span>{tr(|t| t.override_reason)} " " <small>"(" {tr(|t| t.required_hint)} ")"</small></span>
            <input type="text" data-field=key prop:value=move || reason.get()
                on:input=move |ev| reason.set(event_target_value(&ev))/>
        </label>
    }
}

/// `(value, text)` pairs of a select.
pub type SelectOptions = Vec<(String, String)>;

/// A labelled select whose options are computed (from the plan, the workspace or the
/// language), the one whose value equals `current` chosen. Not generic: one renderer
/// serves statuses, objectives and owners alike, which keeps the wasm file small.
pub fn select_field(
    caption: fn(&Strings) -> &'static str,
    key: String,
    options: Signal<SelectOptions>,
    current: Signal<String>,
    on_pick: Arc<dyn Fn(String) + Send + Sync>,
) -> AnyView {
    view! {
        <label class="field">
            <span>{tr(caption)}</span>
            <select data-field=key on:change=move |ev| on_pick(event_target_value(&ev))>
                {move || options.get().into_iter().map(|(value, text)| {
                    let own = value.clone();
                    // The property, not the attribute: the attribute stops counting
                    // once the user has picked, and a removed objective must still
                    // move the choice back to none.
                    view! { <option value=value prop:selected=move || current.get() == own>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
    .into_any()
}

/// A part of a view drawn again whenever what `draw` reads changes. Every call shares
/// one closure type, so the reactive renderer is compiled once for all of them (as with
/// [`tr`]) instead of once per part.
pub fn redraw(draw: Arc<dyn Fn() -> AnyView + Send + Sync>) -> impl IntoView + Clone {
    move || draw()
}

/// Rows kept in place while their key stays (so a field being typed in is never
/// redrawn): `keys` in display order, `row` draws one. One `<For>` for every such list,
/// so its diffing code is compiled once.
pub fn keyed_rows(
    keys: Signal<Vec<u64>>,
    row: Arc<dyn Fn(u64) -> AnyView + Send + Sync>,
) -> impl IntoView {
    view! { <For each=move || keys.get() key=|key| *key children=move |key| row(key)/> }
}

/// The next step offered where a chart has nothing to show yet: the demo or a first
/// account when the workspace is empty, else the first account (in the register's
/// order) that still lacks a score, and the ranking once accounts are scored.
#[component]
pub fn NextStep(
    /// The page it is shown on, opened again once the demo is loaded.
    here: super::router::Route,
) -> impl IntoView {
    use super::router::Route;

    let app = use_app();
    // The first account still lacking a score on either axis.
    let unscored = move || {
        app.ranking.with(|r| {
            app.workspace.with(|ws| {
                ws.accounts
                    .iter()
                    .find(|a| r.row(a.id).is_some_and(|row| !row.assessment.is_complete()))
                    .map(|a| (a.id, a.name.clone()))
            })
        })
    };
    let empty = move || app.workspace.with(|ws| ws.accounts.is_empty());
    view! {
        <div class="actions next-step" data-testid="next-step">
            <Show when=empty fallback=move || view! {
                {move || unscored().map(|(id, name)| view! {
                    <a class="button primary" href=Route::Account(id).href() data-testid="next-step-score">
                        {move || fill(app.t().next_step_score, &[&name])}
                    </a>
                })}
                <a class="button" href=Route::Ranking.href()>{tr(|t| t.next_step_ranking)}</a>
            }>
                <button type="button" class="primary" data-testid="next-step-demo"
                    on:click=move |_| super::workspaces_page::start_demo_then(app, None, here)>
                    {tr(|t| t.start_demo)}
                </button>
                <a class="button" href=Route::NewAccount.href()>{tr(|t| t.add_account)}</a>
            </Show>
        </div>
    }
}
