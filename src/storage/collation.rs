//! Remembered orders of long lists. Placing 10,000 account names with the browser's
//! collator (pinyin order for Chinese) takes tens of milliseconds at every start, though
//! the names rarely change between two visits. The places the collator gave are kept in
//! localStorage beside a fingerprint of everything they depend on — the texts in their
//! order, the language and the browser (whose collator may change with an update) — and
//! are used again only when that fingerprint is the same; anything else, damaged or
//! stale, is placed afresh. What is kept is a cache: losing it loses nothing.
//!
//! Stored form: `kam-places-1:<fingerprint>:<places>`, a place a character (U+3400 plus
//! the place: one UTF-16 unit, never a surrogate), so 10,000 places take 10,000
//! characters of the quota.

/// Marks a remembered order, with the version of its form.
const PREFIX: &str = "kam-places-1:";
/// The first character used for places.
const BASE: u32 = 0x3400;
/// Places must stay below this to be written as one character each (lists longer than
/// this are placed at every start).
const LIMIT: u32 = 1 << 15;
/// Lists shorter than this are placed in a few milliseconds and are not remembered.
pub const REMEMBER_FROM: usize = 1000;

/// A fingerprint of what a list's places depend on: the texts in order, the language's
/// tag and the browser's identification. 64-bit FNV-1a over each part with its length,
/// so no two different lists of texts run together into the same bytes.
pub fn fingerprint(texts: &[&str], language: &str, browser: &str) -> String {
    let mut hash = super::Fnv::new();
    let mut feed = |bytes: &[u8]| {
        hash.write(&(bytes.len() as u64).to_le_bytes());
        hash.write(bytes);
    };
    feed(language.as_bytes());
    feed(browser.as_bytes());
    feed(&(texts.len() as u64).to_le_bytes());
    for text in texts {
        feed(text.as_bytes());
    }
    format!("{:016x}", hash.finish())
}

/// The stored form of `places` under `fingerprint`, or `None` when a place is too large
/// to be written in one character.
pub fn encode(fingerprint: &str, places: &[u32]) -> Option<String> {
    let mut out = String::with_capacity(PREFIX.len() + fingerprint.len() + 1 + 3 * places.len());
    out.push_str(PREFIX);
    out.push_str(fingerprint);
    out.push(':');
    for place in places {
        if *place >= LIMIT {
            return None;
        }
        out.push(char::from_u32(BASE + place)?);
    }
    Some(out)
}

/// The places remembered in `stored` if they were given for the same `fingerprint` and
/// there is one for each of `count` texts; `None` otherwise.
pub fn decode(stored: &str, fingerprint: &str, count: usize) -> Option<Vec<u32>> {
    let rest = stored.strip_prefix(PREFIX)?;
    let (stamp, body) = rest.split_once(':')?;
    if stamp != fingerprint {
        return None;
    }
    let places: Vec<u32> = body
        .chars()
        .map(|c| (c as u32).checked_sub(BASE).filter(|p| *p < LIMIT))
        .collect::<Option<_>>()?;
    (places.len() == count).then_some(places)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BROWSER: &str = "Mozilla/5.0 Chrome/156";

    #[test]
    fn remembered_places_come_back_for_the_same_texts_language_and_browser() {
        let texts = ["上海汽车", "北京电子", "<img src=x onerror=alert(1)>", ""];
        let places = [2, 1, 0, 0];
        let stamp = fingerprint(&texts, "zh-CN", BROWSER);
        let stored = encode(&stamp, &places).expect("small places are written");
        assert_eq!(decode(&stored, &stamp, texts.len()), Some(places.to_vec()));
    }

    #[test]
    fn places_are_not_reused_when_a_text_the_language_or_the_browser_changed() {
        let texts = ["Alpha", "Beta", "Gamma"];
        let stamp = fingerprint(&texts, "en", BROWSER);
        let stored = encode(&stamp, &[0, 1, 2]).expect("written");
        let changed = [
            fingerprint(&["Alpha", "Beta", "Gammas"], "en", BROWSER),
            fingerprint(&["Beta", "Alpha", "Gamma"], "en", BROWSER),
            fingerprint(&["AlphaBeta", "", "Gamma"], "en", BROWSER),
            fingerprint(&["Alpha", "Beta"], "en", BROWSER),
            fingerprint(&texts, "zh-CN", BROWSER),
            fingerprint(&texts, "en", "Mozilla/5.0 Chrome/157"),
        ];
        for other in changed {
            assert_ne!(other, stamp);
            assert_eq!(decode(&stored, &other, texts.len()), None);
        }
    }

    #[test]
    fn damaged_or_short_remembered_places_are_placed_afresh() {
        let stamp = fingerprint(&["a", "b"], "en", BROWSER);
        let good = encode(&stamp, &[0, 1]).expect("written");
        assert_eq!(decode(&good, &stamp, 3), None);
        assert_eq!(decode(&good[..good.len() - 3], &stamp, 2), None);
        assert_eq!(decode(&format!("{good}x"), &stamp, 2), None);
        assert_eq!(decode("[0,1]", &stamp, 2), None);
        assert_eq!(
            decode(&good.replace("kam-places-1", "kam-places-2"), &stamp, 2),
            None
        );
    }

    #[test]
    fn places_too_large_for_one_character_are_not_remembered() {
        assert_eq!(encode("0", &[0, LIMIT]), None);
        let largest = encode("0", &[LIMIT - 1]).expect("the largest place fits");
        assert!(largest.encode_utf16().count() == PREFIX.len() + 2 + 1);
    }
}
