//! Key-account development (KAM-SPEC §3, §5, §6): on the account page, its categories
//! and why, its group, contracts, payment record, referrals, strategic flag, the
//! development-value forecast, and relationship assessments with the class and strategy
//! they lead to; reading and writing the account's development record (never over one
//! that cannot be read). The rules are `domain::development`.

pub mod account;

use leptos::prelude::*;

use crate::domain::development::categories::{CategorySettings, CategorySettingsDoc};
use crate::domain::development::{AccountDevelopment, DevelopmentDoc};
use crate::domain::doc::UnreadableDoc;
use crate::domain::{AccountId, Workspace};
use crate::i18n::fill;

use super::state::{AppState, Notice};

/// The account's development record as it stands, read again only when it changes.
pub fn development_memo(
    app: AppState,
    id: AccountId,
) -> Memo<Result<AccountDevelopment, UnreadableDoc>> {
    let doc = Memo::new(move |_| {
        app.workspace
            .with(|ws| ws.account(id).and_then(|a| a.development.clone()))
    });
    Memo::new(move |_| doc.with(|d| DevelopmentDoc::read_or_empty(d.as_ref())))
}

/// Edits the account's development record; refused (and said) when the stored record
/// cannot be read, so nothing is written over it.
pub fn edit_development(app: AppState, id: AccountId, f: impl FnOnce(&mut AccountDevelopment)) {
    let current = app.workspace.with_untracked(|ws| {
        ws.account(id)
            .map(|a| DevelopmentDoc::read_or_empty(a.development.as_ref()))
    });
    let Some(Ok(mut development)) = current else {
        app.notify(Notice::Error(fill(app.t().dev_unreadable, &[&"—"])));
        return;
    };
    f(&mut development);
    let Ok(doc) = DevelopmentDoc::write(&development) else {
        return;
    };
    let now = app.now();
    app.edit(|ws| {
        ws.update_account(id, now, |a| a.development = doc);
    });
}

/// The workspace's category thresholds; the defaults when none are set or they cannot
/// be read (the settings page says so).
pub fn category_settings(ws: &Workspace) -> CategorySettings {
    CategorySettingsDoc::read_or_empty(ws.categories.as_ref()).unwrap_or_default()
}
