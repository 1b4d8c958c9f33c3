//! Pages loaded on demand. What the first screen needs (the shell, the account list,
//! storage, the strings) is in the app's main module; every other page is a split point
//! (`#[wasm_split]`): its code, and the code only it uses, goes into a chunk that the
//! browser fetches the first time the page opens (scripts/build-wasm.sh splits the app).
//! A new page goes here too, so the first load does not grow with it.
//!
//! A chunk that cannot be fetched (offline before the cache was filled, a server that
//! went away) is an error the page shows in the user's language, never a panic: every
//! split function is `fallible`. The data is untouched: it lives in the main module.

use leptos::prelude::*;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

use crate::domain::plan::Section;
use crate::domain::{AccountId, Language, Workspace};

use super::accounts::AccountList;
use super::router::Route;
use super::widgets::tr;

/// A page's code could not be fetched.
#[derive(Clone, Debug)]
pub struct Unavailable;

impl From<SplitLoaderError> for Unavailable {
    fn from(_: SplitLoaderError) -> Self {
        Unavailable
    }
}

// One split point per page, or per group of pages that are used together (an account
// and the new-account form; the plan's sections and its print layout). Each returns the
// page's view; the function names say which chunk holds the page.

#[wasm_split(account, fallible)]
fn account_page(id: AccountId) -> Result<AnyView, Unavailable> {
    Ok(view! { <super::account_page::AccountPage id=id/> }.into_any())
}

#[wasm_split(account, fallible)]
fn new_account_page() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::account_page::NewAccountPage/> }.into_any())
}

#[wasm_split(model, fallible)]
fn model_page() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::model_page::ModelPage/> }.into_any())
}

#[wasm_split(ranking, fallible)]
fn ranking_page() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::ranking_page::RankingPage/> }.into_any())
}

#[wasm_split(matrix, fallible)]
fn matrix_page() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::matrix_page::MatrixPage/> }.into_any())
}

#[wasm_split(pyramid, fallible)]
fn pyramid_page() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::pyramid_page::PyramidPage/> }.into_any())
}

#[wasm_split(workspaces, fallible)]
fn workspaces_page() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::workspaces_page::WorkspacesPage/> }.into_any())
}

#[wasm_split(import, fallible)]
fn import_page() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::import_page::ImportPage/> }.into_any())
}

#[wasm_split(plan, fallible)]
fn plan_page(id: AccountId, section: Section) -> Result<AnyView, Unavailable> {
    Ok(view! { <super::plan::PlanPage id=id section=section/> }.into_any())
}

#[wasm_split(plan, fallible)]
fn plan_print(id: AccountId) -> Result<AnyView, Unavailable> {
    Ok(view! { <super::plan::print::PlanPrint id=id/> }.into_any())
}

#[wasm_split(actions, fallible)]
fn actions_page() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::actions_page::ActionsPage/> }.into_any())
}

#[wasm_split(merge, fallible)]
fn merge_page() -> Result<AnyView, Unavailable> {
    Ok(view! { <super::merge_page::MergePage/> }.into_any())
}

/// The trainers' demo (forty accounts and their plans, in either language) is data the
/// first screen offers but seldom needs.
#[wasm_split(demo, fallible)]
fn demo_data(language: Language, now: i64) -> Result<Workspace, Unavailable> {
    Ok(crate::domain::demo::demo_workspace(language, now))
}

/// The demo workspace, built by its chunk.
pub async fn demo_workspace(language: Language, now: i64) -> Result<Workspace, Unavailable> {
    demo_data(language, now).await
}

/// The page at `route`, fetching its code first if it is not loaded yet.
async fn page(route: Route) -> Result<AnyView, Unavailable> {
    match route {
        Route::Accounts | Route::Unknown => Ok(view! { <AccountList/> }.into_any()),
        Route::NewAccount => new_account_page().await,
        Route::Account(id) => account_page(id).await,
        Route::Model => model_page().await,
        Route::Ranking => ranking_page().await,
        Route::Matrix => matrix_page().await,
        Route::Pyramid => pyramid_page().await,
        Route::Workspaces => workspaces_page().await,
        Route::Import => import_page().await,
        Route::Plan(id, section) => plan_page(id, section).await,
        Route::PlanPrint(id) => plan_print(id).await,
        Route::Actions => actions_page().await,
        Route::Merge => merge_page().await,
    }
}

/// The page for the current address. A page whose code is loaded already shows at once;
/// otherwise a short "loading" line shows while its chunk arrives, or a message with
/// "try again" if it cannot (a failed fetch is not remembered, so trying again fetches
/// anew).
#[component]
pub fn CurrentPage(route: RwSignal<Route>) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    move || {
        let route = route.get();
        attempt.track();
        view! {
            <Suspense fallback=|| view! { <p class="page-loading" role="status">{tr(|t| t.page_loading)}</p> }>
                {Suspend::new(async move {
                    page(route).await.unwrap_or_else(|Unavailable| unavailable(attempt))
                })}
            </Suspense>
        }
    }
}

fn unavailable(attempt: RwSignal<u32>) -> AnyView {
    view! {
        <div class="notice error" role="alert" data-testid="page-unavailable">
            <p>{tr(|t| t.page_unavailable)}</p>
            <p class="actions">
                <button type="button" class="primary" data-testid="page-retry"
                    on:click=move |_| attempt.update(|n| *n += 1)>{tr(|t| t.try_again)}</button>
                <a href=Route::Accounts.href()>{tr(|t| t.back_to_accounts)}</a>
            </p>
        </div>
    }
    .into_any()
}
