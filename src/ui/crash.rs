//! The error screen a panic leaves instead of a dead page. A panic stops the app's
//! WebAssembly for good (release builds abort), so the screen is built and run by plain
//! JavaScript: it says what happened in the user's language, offers the user's data as a
//! workspace file and a reload. The data offered is first what was last saved in this
//! browser (read without the app's state, which the panic may have left half-changed),
//! then — when that state can still be read — what was on screen, with the last edits.
//! From the panic on nothing is saved: a half-changed workspace must not overwrite the
//! last good save.
//!
//! The on-demand modules report their panics here too (`kam::panics`): the tools module
//! through `window.kamCrash`, the sheets worker through its answer (`super::sheets`).
//! The texts are in the script, not in the text tables: the screen must show even when
//! the texts never loaded.

use std::borrow::Cow;
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::domain::Workspace;
use crate::storage::{envelope, local, packed};

use super::dom;

#[wasm_bindgen(inline_js = r#"
const TEXTS = {
  en: {
    title: 'Something went wrong',
    body: 'The workbench met an error it cannot recover from and has stopped, so that nothing damaged is saved. Download your data to keep a copy, then reload the page.',
    download: 'Download my data',
    preparing: 'Preparing your data…',
    memory: 'The file holds your data as it was on screen, with your last changes.',
    stored: 'The file holds your data as last saved in this browser.',
    none: 'Nothing of this workspace was saved in this browser, and what was on screen could not be read.',
    reload: 'Reload the page',
    details: 'Technical details',
  },
  zh: {
    title: '出现错误',
    body: '工作台遇到无法恢复的错误，已经停止运行，以免保存受损的数据。请先下载您的数据留作副本，再重新加载页面。',
    download: '下载我的数据',
    preparing: '正在准备您的数据…',
    memory: '文件中是屏幕上的数据，包括您最后的修改。',
    stored: '文件中是本浏览器中最后保存的数据。',
    none: '本浏览器中没有保存这个工作区的数据，屏幕上的数据也无法读取。',
    reload: '重新加载页面',
    details: '技术细节',
  },
};

function texts(screen = document.getElementById('kam-crash')) {
  return screen && screen.dataset.language === 'zh' ? TEXTS.zh : TEXTS.en;
}

function element(tag, text, testid) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (testid) node.dataset.testid = testid;
  return node;
}

export function show_crash(language, message) {
  if (document.getElementById('kam-crash')) return;
  const screen = element('div', undefined, 'crash-screen');
  screen.id = 'kam-crash';
  screen.className = 'boot-error crash-screen';
  screen.setAttribute('role', 'alert');
  screen.dataset.language = /^zh/i.test(language) ? 'zh' : 'en';
  document.documentElement.lang = screen.dataset.language === 'zh' ? 'zh-CN' : 'en';
  const t = texts(screen);
  const heading = element('h1', t.title);
  heading.tabIndex = -1;
  const download = element('button', t.download, 'crash-download');
  download.type = 'button';
  download.disabled = true;
  const reload = element('button', t.reload, 'crash-reload');
  reload.type = 'button';
  reload.addEventListener('click', () => location.reload());
  const actions = element('p');
  actions.className = 'crash-actions';
  actions.append(download, ' ', reload);
  const details = element('details');
  details.append(element('summary', t.details), element('pre', message, 'crash-details'));
  screen.append(heading, element('p', t.body), element('p', t.preparing, 'crash-data-note'), actions, details);
  document.body.replaceChildren(screen);
  heading.focus();
}

export function crash_data(json, from_memory, file_name) {
  const screen = document.getElementById('kam-crash');
  if (!screen) return;
  const t = texts();
  screen.querySelector('[data-testid=crash-data-note]').textContent = from_memory ? t.memory : t.stored;
  const download = screen.querySelector('[data-testid=crash-download]');
  download.disabled = false;
  download.onclick = () => {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file_name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  };
}

export function crash_nothing() {
  const screen = document.getElementById('kam-crash');
  if (screen) screen.querySelector('[data-testid=crash-data-note]').textContent = texts().none;
}
"#)]
extern "C" {
    fn show_crash(language: &str, message: &str);
    fn crash_data(json: &str, from_memory: bool, file_name: &str);
    fn crash_nothing();
}

static CRASHED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The workspace on screen, for the download after a panic.
    static LIVE: Cell<Option<RwSignal<Workspace>>> = const { Cell::new(None) };
}

/// Installs the panic hook and the page's entry for the on-demand modules' panics.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        report(&info.to_string());
    }));
    let entry = Closure::<dyn Fn(String)>::new(|message: String| report(&message));
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &JsValue::from_str("kamCrash"), entry.as_ref());
    }
    // The page's entry lives as long as the page.
    entry.forget();
    #[cfg(feature = "fault-hooks")]
    install_test_hooks();
}

/// Remembers the workspace on screen, so the error screen can offer it.
pub fn watch(workspace: RwSignal<Workspace>) {
    LIVE.with(|live| live.set(Some(workspace)));
}

/// Whether a panic happened: nothing is saved from then on.
pub fn crashed() -> bool {
    CRASHED.load(Ordering::Relaxed)
}

/// Replaces the page with the error screen (once) and offers the user's data.
pub fn report(message: &str) {
    if CRASHED.swap(true, Ordering::Relaxed) {
        return;
    }
    let language = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .unwrap_or_default();
    show_crash(&language, message);
    let file_name = dom::workspace_file_name();
    // What was saved first: reading it needs nothing the panic may have broken. Should
    // reading the state below panic again, the page stops there, with this offered.
    match stored_json() {
        Some(json) => crash_data(&json, false, &file_name),
        None => crash_nothing(),
    }
    let on_screen = LIVE.with(Cell::get).and_then(|workspace| {
        workspace
            .try_with_untracked(|ws| envelope::encode_for_file(ws, &dom::now_iso()).ok())
            .flatten()
    });
    if let Some(json) = on_screen {
        crash_data(&json, true, &file_name);
    }
}

/// The open workspace as last saved in this browser, as a workspace file's text.
fn stored_json() -> Option<String> {
    let catalogue = local::load_catalogue();
    let stored = local::read(&local::workspace_key(&catalogue.active))?;
    packed::unpack(&stored).ok().map(Cow::into_owned)
}

/// `window.kamFault(where)` panics in the app ("app"), in the middle of a change to the
/// workspace ("change"), in a page's chunk ("page"), in the tools module ("tools") or in
/// the sheets module ("sheets"): test builds only.
#[cfg(feature = "fault-hooks")]
fn install_test_hooks() {
    let fault = Closure::<dyn Fn(String)>::new(|place: String| match place.as_str() {
        "page" => leptos::task::spawn_local(async {
            let _ = super::pages::fault().await;
        }),
        "tools" => leptos::task::spawn_local(async {
            if super::tools_module::load().await.is_ok() {
                super::tools_module::fault();
            }
        }),
        "sheets" => leptos::task::spawn_local(super::sheets::fault()),
        // In the middle of a change to the workspace, which is then unreadable.
        "change" => {
            if let Some(workspace) = LIVE.with(Cell::get) {
                workspace.update(|_| panic!("a test fault while the workspace changes"));
            }
        }
        _ => panic!("a test fault in the app"),
    });
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &JsValue::from_str("kamFault"), fault.as_ref());
    }
    fault.forget();
}
