//! Two tabs on one workspace, editing at the same moment. When a version saved by
//! another tab meets edits of this one (`state::TabConflict`), neither is written over:
//! this notice says so and offers the choices — combine the two field by field on the
//! merge page (this tab's version on the left, the other tab's on the right), keep this
//! tab's version, or take the other's.
//!
//! Not part of the first screen: a conflict needs edits in two tabs, long after the
//! whole table of texts has loaded, and the notice waits for it. It is drawn with the
//! other notices (`super::notices`), whose chunk it shares.

use leptos::prelude::*;

use crate::i18n::Strings;

use super::merge_page::use_merge_context;
use super::state::AppState;
use super::widgets::tr;

/// Why the open workspace cannot be left now.
pub fn choose_first(t: &Strings) -> String {
    t.tab_conflict_choose_first.to_owned()
}

/// The notice, while a conflict lasts.
pub fn notice(app: AppState) -> AnyView {
    let merge = use_merge_context();
    let compare = move |_| merge.start_from_other_tab(app);
    let keep_mine = move |_| app.keep_mine_over_other_tab(|_| {});
    let take_theirs = move |_| app.take_other_tab_version();
    view! {
        <div class="notice warning persistent" role="alert" data-testid="tab-conflict">
            <p>{tr(|t| t.tab_conflict_notice)}</p>
            <p class="actions">
                <button type="button" class="primary" data-testid="tab-conflict-compare"
                    on:click=compare>{tr(|t| t.tab_conflict_compare)}</button>
                <button type="button" data-testid="tab-conflict-keep-mine"
                    on:click=keep_mine>{tr(|t| t.tab_conflict_keep_mine)}</button>
                <button type="button" data-testid="tab-conflict-take-theirs"
                    on:click=take_theirs>{tr(|t| t.tab_conflict_take_theirs)}</button>
            </p>
        </div>
    }
    .into_any()
}
