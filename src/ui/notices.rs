//! The notices at the top of the page (`state::Notice`): what each says and offers
//! (download what could not be read, undo a deletion, open the drafted model…), and the
//! notice of two tabs' versions meeting (`super::tab_conflict`). A chunk of its own,
//! fetched the first time there is a notice: the first screen rarely has one, and until
//! the chunk is here the shell shows the plain-text ones.

use leptos::prelude::*;

use crate::i18n::fill;

use super::dom;
use super::state::{AppState, Notice};

/// The conflict notice, while two tabs' versions wait for a choice, and the list.
pub fn draw(app: AppState) -> AnyView {
    view! {
        {move || (app.tab_conflict().is_some() && app.has_whole_texts())
            .then(|| super::tab_conflict::notice(app))}
        {move || {
            let t = app.t();
            app.notices.get().into_iter().map(|entry| {
                let id = entry.id;
                let dismiss = move |_| app.dismiss(id);
                let (class, body) = match entry.notice {
                    Notice::StoredUnreadable { error, raw, kept_as } => {
                        let reason = t.load_error(&error);
                        let text = match &kept_as {
                            Some(key) => fill(t.stored_unreadable, &[&reason, key]),
                            None => fill(t.stored_unreadable_not_kept, &[&reason]),
                        };
                        let download = move |_| {
                            if dom::download_text(
                                &format!("kam-unreadable-{}.json", dom::today_stamp()),
                                "application/json",
                                &raw,
                            ).is_ok() && kept_as.is_none() {
                                app.resume_saving();
                            }
                        };
                        ("notice error", view! {
                            <span data-testid="unreadable-notice">{text}</span>
                            " "
                            <button type="button" on:click=download data-testid="download-unreadable">
                                {t.download_unreadable}
                            </button>
                        }.into_any())
                    }
                    Notice::OtherTabUpdated => ("notice info", view! { <span>{t.other_tab_updated}</span> }.into_any()),
                    Notice::OpenWorkspaceDeleted => (
                        "notice error",
                        view! { <span role="alert" data-testid="workspace-deleted-elsewhere">{t.workspace_deleted_elsewhere}</span> }.into_any(),
                    ),
                    Notice::OtherTabUnreadable(error) => (
                        "notice error",
                        view! { <span>{fill(t.other_tab_unreadable, &[&t.load_error(&error)])}</span> }.into_any(),
                    ),
                    Notice::ModelDrafted => (
                        "notice warning",
                        view! {
                            <span data-testid="model-drafted">{t.model_loaded_as_draft}</span>
                            <a href=super::router::Route::Model.href()>{t.model_open_draft}</a>
                        }
                        .into_any(),
                    ),
                    Notice::Info(text) => ("notice info", view! { <span>{text}</span> }.into_any()),
                    Notice::Error(text) => ("notice error", view! { <span role="alert">{text}</span> }.into_any()),
                    Notice::Deleted(account) => {
                        let name = account.name.clone();
                        let restore = move |_| {
                            let account = (*account).clone();
                            app.edit(|ws| {
                                if ws.account(account.id).is_none() {
                                    ws.accounts.push(account);
                                }
                            });
                            app.dismiss(id);
                        };
                        ("notice info", view! {
                            <span>{fill(t.deleted, &[&name])}</span>
                            " "
                            <button type="button" on:click=restore data-testid="undo-delete">{t.undo}</button>
                        }.into_any())
                    }
                    Notice::Removed { text, undo } => {
                        let restore = move |_| {
                            let now = app.now();
                            app.edit(|ws| undo.apply(ws, now));
                            app.dismiss(id);
                        };
                        ("notice info", view! {
                            <span>{text}</span>
                            " "
                            <button type="button" on:click=restore data-testid="undo-remove">{t.undo}</button>
                        }.into_any())
                    }
                };
                view! {
                    <div class=class data-testid="notice">
                        {body}
                        <button type="button" class="dismiss" on:click=dismiss aria-label=t.dismiss>"×"</button>
                    </div>
                }
            }).collect_view()
        }}
    }
    .into_any()
}
