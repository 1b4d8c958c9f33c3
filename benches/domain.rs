//! Prints how long the domain core takes at the sizes sales organisations reach:
//! assessing and ranking every account, counting tiers, searching, and encoding and
//! decoding the saved workspace, and drawing the matrix and the pyramid. Run with
//! `cargo bench`; figures, not assertions.

use std::hint::black_box;
use std::time::{Duration, Instant};

use kam::charts::matrix::{draw_matrix, MatrixLabels, MatrixPoint, MatrixSize};
use kam::charts::pyramid::{draw_pyramid, BandText};
use kam::domain::pyramid::{build_pyramid, Level};
use kam::domain::ranking::{count_tiers, rank_accounts};
use kam::domain::register::{Query, Register};
use kam::domain::scoring::Score;
use kam::domain::{Account, Workspace};
use kam::domain::{Axis, Tier};
use kam::storage::envelope::{decode, encode_for_storage};
use kam::storage::packed::{pack, unpack};
use kam::sync::{delta, mirror};

use automerge::AutoCommit;

/// A deterministic workspace of `n` accounts, most fully scored.
fn workspace(n: u64) -> Workspace {
    let mut ws = Workspace::default();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for i in 0..n {
        let mut account = Account {
            number: format!("C-{i:05}"),
            name: format!("客户 {i} Customer Co., Ltd."),
            segment: ["汽车", "金融", "物流"][(i % 3) as usize].to_owned(),
            industry: "manufacturing".to_owned(),
            address: "上海市浦东新区世纪大道 88 号".to_owned(),
            ..Account::default()
        };
        for criterion in 1..=8 {
            // One account in ten is missing a score.
            if i % 10 == 0 && criterion == 8 {
                continue;
            }
            account.scores.insert(
                criterion,
                Score {
                    value: Some((next() % 10 + 1) as u8),
                    note: if criterion == 1 {
                        "增长稳定".into()
                    } else {
                        String::new()
                    },
                },
            );
        }
        ws.add_account(account, 1_795_305_600_000);
    }
    ws
}

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) {
    let mut best = Duration::MAX;
    let mut total = Duration::ZERO;
    for _ in 0..runs {
        let start = Instant::now();
        black_box(f());
        let elapsed = start.elapsed();
        best = best.min(elapsed);
        total += elapsed;
    }
    println!(
        "{label:<44} best {:>9.3} ms   mean {:>9.3} ms   ({runs} runs)",
        best.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3 / f64::from(runs)
    );
}

fn main() {
    for n in [1_000, 10_000] {
        let ws = workspace(n);
        let encoded = encode_for_storage(&ws).expect("encodes");
        println!("\n{n} accounts (saved size {} KB)", encoded.len() / 1024);
        let stored = pack(&encoded);
        time("unpack the stored value", 20, || {
            unpack(&stored).map(|json| json.len())
        });
        time("assess + rank every account", 20, || {
            rank_accounts(&ws.accounts, &ws.model, &ws.tiers)
        });
        let rows = rank_accounts(&ws.accounts, &ws.model, &ws.tiers);
        time("count tiers", 20, || {
            count_tiers(rows.iter().map(|r| &r.assessment))
        });
        let ranking_index: std::collections::HashMap<_, _> =
            rows.iter().map(|r| (r.account, r)).collect();
        time("prepare the register for listing", 20, || {
            Register::new(&ws.accounts, |id| ranking_index.get(&id).copied())
        });
        let query = Query {
            text: "customer 12".into(),
            ..Query::default()
        };
        time(
            "first search (makes every account's search text)",
            20,
            || {
                Register::new(&ws.accounts, |id| ranking_index.get(&id).copied())
                    .list(&ws.accounts, &query, |_| None)
                    .len()
            },
        );
        let register = Register::new(&ws.accounts, |id| ranking_index.get(&id).copied());
        time("search \"customer 12\" (after the first)", 20, || {
            register.list(&ws.accounts, &query, |_| None).len()
        });
        let points: Vec<MatrixPoint> = rows
            .iter()
            .filter_map(|r| {
                let a = &r.assessment;
                Some(MatrixPoint {
                    account: r.account,
                    name: format!("客户 {}", r.account),
                    attractiveness: a.score(Axis::Attractiveness)?,
                    feasibility: a.score(Axis::Feasibility)?,
                    tier: a.effective?,
                    overridden: false,
                })
            })
            .collect();
        let labels = MatrixLabels {
            x_axis: "Feasibility".into(),
            y_axis: "Attractiveness".into(),
            zones: Tier::ALL.map(|t| (t, format!("{t:?}"))),
        };
        let drawing = draw_matrix(
            &points,
            &ws.tiers.thresholds,
            &labels,
            MatrixSize::default(),
        )
        .expect("draws");
        println!(
            "matrix: {} points at {} positions, SVG {} KB",
            points.len(),
            drawing.hotspots.len(),
            drawing.svg.len() / 1024
        );
        time("draw the matrix (SVG)", 10, || {
            draw_matrix(
                &points,
                &ws.tiers.thresholds,
                &labels,
                MatrixSize::default(),
            )
        });
        time("build and draw the pyramid", 10, || {
            let tiers: std::collections::HashMap<_, _> = rows
                .iter()
                .map(|r| (r.account, r.assessment.effective))
                .collect();
            let p = build_pyramid(
                &ws.accounts,
                |id| tiers.get(&id).copied().flatten(),
                &ws.tiers,
            );
            let bands: Vec<BandText> = Level::ALL
                .into_iter()
                .map(|level| BandText {
                    level,
                    title: format!("{level:?}"),
                    accounts: format!("{}", p.level(level).accounts.len()),
                    time: format!("{:?}", p.time_share(level)),
                    deviates: false,
                })
                .collect();
            draw_pyramid(&bands, 760, 380)
        });
        time("encode for storage", 10, || encode_for_storage(&ws));
        time("decode from storage", 10, || decode(&encoded));

        // Team sync: the workspace mirrored into its Automerge document.
        let value = mirror::workspace_value(&ws).expect("as JSON");
        time("sync: mirror the whole workspace (share)", 3, || {
            let mut doc = AutoCommit::new();
            mirror::write(&mut doc, &serde_json::Value::Null, &value).map(|_| doc.save().len())
        });
        let mut doc = AutoCommit::new();
        mirror::write(&mut doc, &serde_json::Value::Null, &value).expect("mirrored");
        let saved = doc.save();
        let mut edited = ws.clone();
        if let Some(first) = edited.accounts.first_mut() {
            first.name.push_str(" (renamed)");
        }
        let edited = mirror::workspace_value(&edited).expect("as JSON");
        let mut incremental = 0;
        let heads = doc.get_heads();
        let mut copy = doc.fork();
        time("sync: a name edited and back (two changes)", 10, || {
            let _ = mirror::write(&mut copy, &value, &edited);
            let _ = mirror::write(&mut copy, &edited, &value);
            incremental = copy.save_after(&heads).len();
        });
        println!(
            "sync: document saved {} KB; ten edits and back saved as {incremental} B",
            saved.len() / 1024
        );
        time("sync: load the saved document", 5, || {
            AutoCommit::load(&saved).map(|mut d| d.get_heads().len())
        });
        time("sync: read the workspace back", 5, || {
            mirror::read(&doc)
                .and_then(|v| mirror::workspace_of(&v))
                .map(|w| w.accounts.len())
        });
        {
            // Another browser's name edit arriving: merged, then read from its patches.
            let mut theirs = doc.fork();
            let _ = mirror::write(&mut theirs, &value, &edited);
            // Timed alone: the copy of the document and of its value each run makes is
            // not what a browser waits for.
            let mut best = Duration::MAX;
            for _ in 0..5 {
                let mut mine = doc.fork();
                let mut read = value.clone();
                // Patches logged as the changes arrive (the sync session does the same).
                mine.update_diff_cursor();
                let start = Instant::now();
                let before = mine.diff_cursor();
                let _ = mine.merge(&mut theirs);
                let after = mine.get_heads();
                black_box(mirror::apply_patches(
                    &mut read,
                    &mine.diff(&before, &after),
                ));
                best = best.min(start.elapsed());
            }
            println!(
                "{:<44} best {:>9.3} ms",
                "sync: another's edit merged, read by patches",
                best.as_secs_f64() * 1e3
            );
        }
        {
            // The worker's side of one edit as the browser runs it: the page hands it the
            // stored workspace's JSON, which is read and compared with the workspace the
            // document holds, account by account; what differs is written.
            let text = encode_for_storage(&ws).expect("encodes");
            let mut renamed = ws.clone();
            if let Some(first) = renamed.accounts.first_mut() {
                first.name.push_str(" (renamed)");
            }
            let renamed_text = encode_for_storage(&renamed).expect("encodes");
            let mut copy = doc.fork();
            let mut mirrored = value.clone();
            let mut typed = delta::normalized(ws.clone());
            let mut flip = false;
            time("sync: an edit, from the page's JSON to the doc", 10, || {
                flip = !flip;
                let text = if flip { &renamed_text } else { &text };
                let next = delta::normalized(decode(text).expect("decodes"));
                let _ = delta::write_changes(&mut copy, &mut mirrored, &typed, &next);
                typed = next;
            });
            // The receiving side: the edit's patches read into the workspace, which goes
            // to the page as a stored workspace's JSON.
            let mut theirs = doc.fork();
            let mut their_value = value.clone();
            let _ = delta::write_changes(&mut theirs, &mut their_value, &ws, &renamed);
            let mut best = Duration::MAX;
            for _ in 0..5 {
                let mut mine = doc.fork();
                let mut read = value.clone();
                let mut typed = delta::normalized(ws.clone());
                mine.update_diff_cursor();
                let start = Instant::now();
                let before = mine.diff_cursor();
                let _ = mine.merge(&mut theirs);
                let after = mine.get_heads();
                let patches = mine.diff(&before, &after);
                mirror::apply_patches(&mut read, &patches);
                if let Some(touched) = delta::touched(&patches) {
                    let _ = delta::read_changes(&mut typed, &read, &touched);
                }
                let _ = black_box(encode_for_storage(&typed).map(|t| t.len()));
                best = best.min(start.elapsed());
            }
            println!(
                "{:<44} best {:>9.3} ms",
                "sync: another's edit, to the page's JSON",
                best.as_secs_f64() * 1e3
            );
        }
        time("sync: look for conflicts", 5, || {
            mirror::conflicts(&mut doc).map(|c| c.len())
        });
    }
}
