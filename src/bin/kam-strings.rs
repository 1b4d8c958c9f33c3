//! Writes the app's texts as one table per language (`strings.zh-CN.json`,
//! `strings.en.json`) into the directory given, for the build (scripts/build-wasm.sh):
//! the app in the browser loads the table of the language in use instead of carrying
//! every text of both languages in its WebAssembly. Beside each, a start table
//! (`strings.<tag>.start.json`) with only the texts of the first screen, which is what
//! the page fetches before it paints. Runs natively at build time.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    use kam::domain::Language;
    use kam::i18n::{strings, Table};
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: kam-strings <output directory>")?;
    for language in Language::ALL {
        let dir = std::path::Path::new(&dir);
        let tag = language.tag();
        let whole = Table::of(strings(language));
        std::fs::write(
            dir.join(format!("strings.{tag}.json")),
            serde_json::to_string(&whole)?,
        )?;
        // What the first screen needs, loaded before it is painted.
        let start = Table::start_of(strings(language));
        std::fs::write(
            dir.join(format!("strings.{tag}.start.json")),
            serde_json::to_string(&start)?,
        )?;
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
