//! The benchmark's WebAssembly module (scripts/bench.sh): the method's hot path —
//! assessing and ranking every account — as the app runs it, so the page can time it
//! beside a plain-JavaScript version of the same rule. Built by the benchmark only; it
//! is not part of the app.

#[cfg(target_arch = "wasm32")]
mod exports {
    use kam::domain::ranking::rank_accounts;
    use kam::domain::Workspace;
    use kam::storage::envelope;
    use wasm_bindgen::prelude::*;

    /// A workspace read once, ranked as often as the page asks.
    #[wasm_bindgen]
    pub struct Ranker {
        workspace: Workspace,
    }

    #[wasm_bindgen]
    impl Ranker {
        /// Reads a workspace file's text (not timed).
        #[wasm_bindgen(constructor)]
        pub fn new(file: &str) -> Result<Ranker, JsError> {
            let workspace = envelope::decode(file).map_err(|e| JsError::new(&e.to_string()))?;
            Ok(Ranker { workspace })
        }

        /// Assesses and ranks every account; returns the ids in ranked order, so the
        /// page can check that both versions agree.
        pub fn rank(&self) -> Vec<u32> {
            let ws = &self.workspace;
            rank_accounts(&ws.accounts, &ws.model, &ws.tiers)
                .iter()
                .map(|row| row.account as u32)
                .collect()
        }
    }
}

fn main() {}
