//! Small shared pieces: the tier badge (same look everywhere), score display, labelled
//! inputs.

use leptos::prelude::*;

use crate::domain::{Tenths, Tier};
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
    let mark = move || match tier.get() {
        Some(Tier::Tier1) => "●",
        Some(Tier::Tier2) => "■",
        Some(Tier::Tier3) => "▲",
        Some(Tier::NotPursued) => "○",
        None => "·",
    };
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

/// Rows rendered at once in long tables; "show more" adds as many again. Keeps lists of
/// thousands of accounts quick to draw.
pub const PAGE_SIZE: usize = 200;

/// The "show more" button under a long table; hidden once everything is shown.
#[component]
pub fn ShowMore(
    /// How many rows are rendered now.
    shown: RwSignal<usize>,
    /// How many rows there are in all.
    #[prop(into)]
    total: Signal<usize>,
) -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || { total.get() > shown.get() }>
            <button type="button" class="show-more" data-testid="show-more"
                on:click=move |_| shown.update(|n| *n += PAGE_SIZE)>
                {move || fill(app.t().show_more, &[&shown.get(), &total.get()])}
            </button>
        </Show>
    }
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
    let language = use_app().language;
    move || pick(strings(language.get()))
}
