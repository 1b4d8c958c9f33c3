//! Writes the app's texts as one table per language (`strings.zh-CN.json`,
//! `strings.en.json`) into the directory given, for the build (scripts/build-wasm.sh):
//! the app in the browser loads the table of the language in use instead of carrying
//! every text of both languages in its WebAssembly. Runs natively at build time.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    use kam::domain::Language;
    use kam::i18n::{strings, Table};
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: kam-strings <output directory>")?;
    for language in Language::ALL {
        let path = std::path::Path::new(&dir).join(format!("strings.{}.json", language.tag()));
        std::fs::write(&path, serde_json::to_string(&Table::of(strings(language)))?)?;
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
