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

use chrono::NaiveDate;

use crate::domain::plan::{PlanDoc, PlanSummary};
use crate::domain::AccountId;

use super::accounts::AccountList;
use super::router::Route;
use super::state::AppState;
use super::widgets::tr;

/// A page's code could not be fetched.
#[derive(Clone, Debug)]
pub struct Unavailable;

impl From<SplitLoaderError> for Unavailable {
    fn from(_: SplitLoaderError) -> Self {
        Unavailable
    }
}

// One split point per group of pages used together; each draws the pages of its
// group for their routes. Fewer split points mean fewer wrappers in the main module and
// fewer shared chunks for the browser to fetch.

#[wasm_split(account, fallible)]
fn account_pages(route: Route) -> Result<AnyView, Unavailable> {
    Ok(match route {
        Route::NewAccount => view! { <super::account_page::NewAccountPage/> }.into_any(),
        Route::Account(id) => view! { <super::account_page::AccountPage id=id/> }.into_any(),
        _ => view! { <super::model_page::ModelPage/> }.into_any(),
    })
}

#[wasm_split(ranking, fallible)]
fn ranking_pages(route: Route) -> Result<AnyView, Unavailable> {
    Ok(match route {
        Route::Actions => view! { <super::actions_page::ActionsPage/> }.into_any(),
        _ => view! { <super::ranking_page::RankingPage/> }.into_any(),
    })
}

#[wasm_split(charts, fallible)]
fn chart_pages(route: Route) -> Result<AnyView, Unavailable> {
    Ok(match route {
        Route::Pyramid => view! { <super::pyramid_page::PyramidPage/> }.into_any(),
        _ => view! { <super::matrix_page::MatrixPage/> }.into_any(),
    })
}

#[wasm_split(plan, fallible)]
fn plan_pages(route: Route) -> Result<AnyView, Unavailable> {
    Ok(match route {
        Route::PlanPrint(id) => view! { <super::plan::print::PlanPrint id=id/> }.into_any(),
        Route::Plan(id, section) => {
            view! { <super::plan::PlanPage id=id section=section/> }.into_any()
        }
        _ => ().into_any(),
    })
}

#[wasm_split(engagement, fallible)]
fn engagement_pages(route: Route) -> Result<AnyView, Unavailable> {
    use super::engagement::*;
    Ok(match route {
        Route::People => view! { <people_page::PeoplePage/> }.into_any(),
        Route::Pipeline => view! { <pipeline_page::PipelinePage/> }.into_any(),
        Route::Calendar => view! { <calendar_page::CalendarPage/> }.into_any(),
        Route::Inquiries => view! { <inquiries_page::InquiriesPage/> }.into_any(),
        _ => view! { <contacts_page::ContactsPage/> }.into_any(),
    })
}

#[wasm_split(review, fallible)]
fn review_pages(route: Route) -> Result<AnyView, Unavailable> {
    Ok(match route {
        Route::Portfolio => {
            view! { <super::development::portfolio_page::PortfolioPage/> }.into_any()
        }
        _ => view! { <super::review_page::ReviewPage/> }.into_any(),
    })
}

#[wasm_split(data, fallible)]
fn data_pages(route: Route) -> Result<AnyView, Unavailable> {
    Ok(match route {
        Route::Import => view! { <super::import_page::ImportPage/> }.into_any(),
        Route::Merge => view! { <super::merge_page::MergePage/> }.into_any(),
        Route::Join => view! { <super::sync_page::JoinPage/> }.into_any(),
        _ => view! { <super::workspaces_page::WorkspacesPage/> }.into_any(),
    })
}

/// How complete each plan is and whether its facts need refreshing, for the account
/// list's plan column. Reading a plan takes the plan's code, which the first screen does
/// not carry; a plan that cannot be read has no summary.
#[wasm_split(plan_summary, fallible)]
fn summarise_plans(
    docs: Vec<(AccountId, PlanDoc)>,
    today: NaiveDate,
) -> Result<Vec<(AccountId, Option<PlanSummary>)>, Unavailable> {
    Ok(docs
        .iter()
        .map(|(id, doc)| (*id, PlanSummary::of(doc, today).ok()))
        .collect())
}

/// Loading the trainers' demo (`workspaces_page::load_demo`), as a task to run.
#[wasm_split(demo, fallible)]
fn demo_task(
    app: AppState,
    done: Option<&'static str>,
    then: Route,
) -> Result<std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>, Unavailable> {
    Ok(Box::pin(super::workspaces_page::load_demo(app, done, then)))
}

/// [`demo_task`], loading its code the first time.
pub async fn demo_loader(
    app: AppState,
    done: Option<&'static str>,
    then: Route,
) -> Result<std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>, Unavailable> {
    demo_task(app, done, then).await
}

/// [`summarise_plans`], loading its code the first time.
pub async fn plan_summaries(
    docs: Vec<(AccountId, PlanDoc)>,
    today: NaiveDate,
) -> Result<Vec<(AccountId, Option<PlanSummary>)>, Unavailable> {
    summarise_plans(docs, today).await
}

/// A panic in a chunk of its own, for the error screen's tests (test builds only).
#[cfg(feature = "fault-hooks")]
#[wasm_split(fault, fallible)]
fn fault_in_chunk() -> Result<(), Unavailable> {
    panic!("a test fault in a page's chunk")
}

/// [`fault_in_chunk`], loading its code the first time.
#[cfg(feature = "fault-hooks")]
pub async fn fault() -> Result<(), Unavailable> {
    fault_in_chunk().await
}

/// [`super::shell::import_dialog`], in a chunk of its own: the first screen has the
/// header's "Import workspace file" button, not the dialog it leads to.
#[wasm_split(import_dialog, fallible)]
fn import_dialog_view(
    pending: RwSignal<Option<super::shell::PendingImport>>,
) -> Result<Option<AnyView>, Unavailable> {
    Ok(super::shell::import_dialog(pending))
}

/// Reading a workspace file for the import dialog, as a task to run: in the dialog's
/// chunk, so the first screen carries neither.
#[wasm_split(import_dialog, fallible)]
fn workspace_file_task(
    app: AppState,
    file: web_sys::File,
    pending: RwSignal<Option<super::shell::PendingImport>>,
) -> Result<std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>, Unavailable> {
    Ok(Box::pin(super::shell::read_workspace_file(
        app, file, pending,
    )))
}

/// [`workspace_file_task`], loading its code (and the dialog's) the first time.
pub async fn workspace_file(
    app: AppState,
    file: web_sys::File,
    pending: RwSignal<Option<super::shell::PendingImport>>,
) -> Result<std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>, Unavailable> {
    workspace_file_task(app, file, pending).await
}

/// [`super::shell::export_workspace`], in the import dialog's chunk.
#[wasm_split(import_dialog, fallible)]
fn export_workspace_now(app: AppState) -> Result<(), Unavailable> {
    super::shell::export_workspace(app);
    Ok(())
}

/// Exports the open workspace as a file, loading the code the first time.
pub async fn export_workspace(app: AppState) -> Result<(), Unavailable> {
    export_workspace_now(app).await
}

/// Loads the import dialog's code (and draws it, if a file is waiting).
pub async fn import_dialog(
    pending: RwSignal<Option<super::shell::PendingImport>>,
) -> Result<Option<AnyView>, Unavailable> {
    import_dialog_view(pending).await
}

/// The import dialog drawn at once, for a view: its code is loaded before a file is
/// handed to it (`import_dialog`), so the call completes without waiting; should it not,
/// nothing is drawn.
pub fn import_dialog_now(
    pending: RwSignal<Option<super::shell::PendingImport>>,
) -> Option<AnyView> {
    at_once(import_dialog_view(pending))
}

/// A split function's view when its code is loaded already (the call then completes
/// without waiting), else nothing.
fn at_once(
    call: impl std::future::Future<Output = Result<Option<AnyView>, Unavailable>>,
) -> Option<AnyView> {
    let mut call = std::pin::pin!(call);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match std::future::Future::poll(call.as_mut(), &mut context) {
        std::task::Poll::Ready(Ok(view)) => view,
        _ => None,
    }
}

/// The account list's owner filter ([`super::engagement::list_owner_filter`]), in a chunk
/// of its own: the first screen has it only once the workspace lists people.
#[wasm_split(owner_filter, fallible)]
fn owner_filter_view(
    app: AppState,
    owner: RwSignal<Option<crate::domain::engagement::team::ColleagueId>>,
    key: &'static str,
    draw: bool,
) -> Result<Option<AnyView>, Unavailable> {
    Ok(draw.then(|| super::engagement::list_owner_filter(app, owner, key)))
}

/// The owner filter of a list (the accounts, the ranking, the matrix), fetched once
/// the workspace lists people: `owner` is the colleague chosen, none for everyone.
pub fn owner_filter(
    app: AppState,
    owner: RwSignal<Option<crate::domain::engagement::team::ColleagueId>>,
    key: &'static str,
) -> impl IntoView {
    let has_people = Memo::new(move |_| app.workspace.with(|ws| ws.engagement.is_some()));
    drawn_when(has_people, move |draw| {
        owner_filter_view(app, owner, key, draw)
    })
}

/// Accounts of a key-account category, as the lists, the ranking and the matrix filter
/// by them (sorted ids; `None` when no category is chosen).
pub type Within = RwSignal<Option<std::sync::Arc<[AccountId]>>>;

/// The key-account category filter (and, on the account list, the line on this year's
/// list plan): [`super::development::list_extras`], in a chunk of its own.
#[wasm_split(list_extras, fallible)]
fn list_extras_view(
    app: AppState,
    within: Within,
    extras: super::development::Extras,
    draw: bool,
) -> Result<Option<AnyView>, Unavailable> {
    Ok(draw.then(|| super::development::list_extras(app, within, extras)))
}

/// The category filter and list-plan line of the account list, fetched once the
/// workspace keeps any development record, group or list plan.
pub fn list_extras(app: AppState, within: Within) -> impl IntoView {
    category_extras(
        app,
        within,
        super::development::Extras {
            plan_line: true,
            key: "filter-category",
        },
    )
}

/// The category filter alone (the ranking, the matrix), fetched as
/// [`list_extras`] is; `key` names its select for tests.
pub fn category_filter(app: AppState, within: Within, key: &'static str) -> impl IntoView {
    category_extras(
        app,
        within,
        super::development::Extras {
            plan_line: false,
            key,
        },
    )
}

fn category_extras(
    app: AppState,
    within: Within,
    extras: super::development::Extras,
) -> impl IntoView {
    let has_any = Memo::new(move |_| {
        app.workspace.with(|ws| {
            ws.list_plan.is_some()
                || ws
                    .accounts
                    .iter()
                    .any(|a| a.development.is_some() || a.parent.is_some())
        })
    });
    drawn_when(has_any, move |draw| {
        list_extras_view(app, within, extras, draw)
    })
}

/// A split function's view once `wanted` holds, its code fetched first. Drawn again
/// only when `wanted` changes, not at every change of what it is worked out from (the
/// view keeps its state, such as the category chosen, across edits).
fn drawn_when<Call>(
    wanted: Memo<bool>,
    view: impl Fn(bool) -> Call + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    Call: std::future::Future<Output = Result<Option<AnyView>, Unavailable>> + 'static,
{
    let loaded = RwSignal::new(false);
    Effect::new(move |_| {
        if wanted.get() && !loaded.get_untracked() {
            leptos::task::spawn_local(async move {
                if view(false).await.is_ok() {
                    loaded.set(true);
                }
            });
        }
    });
    move || {
        (loaded.get() && wanted.get())
            .then(|| at_once(view(true)))
            .flatten()
    }
}

/// Team sync's page side ([`super::sync`]: the worker, its messages, the header's status),
/// in a chunk of its own: only a shared workspace loads it. Drawn, its status view also
/// starts and stops the sync as the open workspace changes.
#[wasm_split(sync, fallible)]
fn sync_chunk(app: AppState, draw: bool) -> Result<Option<AnyView>, Unavailable> {
    Ok(draw.then(|| super::sync::status_view(app)))
}

/// The header's team-sync status, and with it the sync itself, once the open workspace
/// is shared (or being shared).
pub fn sync_status(app: AppState) -> impl IntoView {
    let shared = Memo::new(move |_| {
        app.sync.with(Option::is_some)
            || app
                .catalogue
                .with(|c| c.active_entry().is_some_and(|e| e.is_shared()))
    });
    drawn_when(shared, move |draw| sync_chunk(app, draw))
}

/// [`super::notices::draw`], in a chunk of its own: the first screen rarely has a notice.
#[wasm_split(notices, fallible)]
fn notices_view(app: AppState, draw: bool) -> Result<Option<AnyView>, Unavailable> {
    Ok(draw.then(|| super::notices::draw(app)))
}

/// Loads the notices' code.
pub async fn load_notices(app: AppState) -> Result<(), Unavailable> {
    notices_view(app, false).await.map(drop)
}

/// The notices, once their code is loaded.
pub fn notices_now(app: AppState) -> Option<AnyView> {
    at_once(notices_view(app, true))
}

type PageFuture =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, Unavailable>>>>;

/// The page at `route`, fetching its code first if it is not loaded yet, and the whole
/// table of texts (the first screen needs only part of it). (Each group's loader is its
/// own boxed future rather than one state machine holding all of them.)
fn page(route: Route) -> PageFuture {
    let code: PageFuture = match route {
        Route::Accounts | Route::Unknown => {
            return Box::pin(std::future::ready(Ok(view! { <AccountList/> }.into_any())))
        }
        Route::NewAccount | Route::Account(_) | Route::Model => Box::pin(account_pages(route)),
        Route::Ranking | Route::Actions => Box::pin(ranking_pages(route)),
        Route::Matrix | Route::Pyramid => Box::pin(chart_pages(route)),
        Route::Plan(..) | Route::PlanPrint(_) => Box::pin(plan_pages(route)),
        Route::Import | Route::Merge | Route::Workspaces | Route::Join => {
            Box::pin(data_pages(route))
        }
        Route::Review | Route::Portfolio => Box::pin(review_pages(route)),
        Route::People | Route::Contacts | Route::Pipeline | Route::Calendar | Route::Inquiries => {
            Box::pin(engagement_pages(route))
        }
    };
    let app = super::state::use_app();
    Box::pin(async move {
        app.whole_texts().await.map_err(|_| Unavailable)?;
        code.await
    })
}

/// The page for the current address. A page whose code is loaded already shows at once;
/// otherwise a short "loading" line shows while its chunk arrives, or a message with
/// "try again" if it cannot (a failed fetch is not remembered, so trying again fetches
/// anew).
#[component]
pub fn CurrentPage(route: RwSignal<Route>) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    // Each page lives under an owner of its own, a child of this component's: it is
    // disposed when the next page takes its place, not when the address changes (the
    // page stays on screen until the next one is ready).
    let parent = Owner::current();
    let shown_owner = StoredValue::new(None::<Owner>);
    // The page to show next, handed over once when `ready` changes.
    let next = StoredValue::new_local(None::<AnyView>);
    let ready = RwSignal::new(0u32);
    let asked = StoredValue::new(0u32);
    Effect::new(move |_| {
        let route = route.get();
        attempt.track();
        asked.update_value(|n| *n += 1);
        let this = asked.get_value();
        let owner = parent.as_ref().map_or_else(Owner::new, Owner::child);
        owner.clone().with(|| {
            leptos::task::spawn_local_scoped(async move {
                let page = page(route)
                    .await
                    .unwrap_or_else(|Unavailable| unavailable(attempt));
                if asked.try_get_value() != Some(this) {
                    // A later address was asked for meanwhile: this page is never shown.
                    owner.cleanup();
                    return;
                }
                next.set_value(Some(page));
                let previous = shown_owner.try_update_value(|o| o.replace(owner)).flatten();
                ready.update(|n| *n += 1);
                if let Some(previous) = previous {
                    previous.cleanup();
                    // Once it is drawn; not at start, where the page is the first thing read.
                    leptos::leptos_dom::helpers::request_animation_frame(
                        super::dom::focus_page_heading,
                    );
                }
            });
        });
    });
    move || {
        ready.track();
        next.try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| {
                view! { <p class="page-loading" role="status">{tr(|t| t.page_loading)}</p> }
                    .into_any()
            })
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
