//! The packed form of a workspace in localStorage (`kam-lz4-1:<length>:<body>`), read
//! from arbitrary stored strings: damaged, cut short, with wrong lengths, or with bodies
//! in the packed alphabet over arbitrary (and so mostly invalid) LZ4 data.
//!
//! Checks: nothing panics; a text without the prefix is read as it is; any text packs
//! and unpacks to itself; damage is refused or unpacks to some text, never trusted
//! beyond the buffer (the decoder is bounds-checked; a panic or sanitizer report here
//! would mean it is not).
#![no_main]

use arbitrary::Arbitrary;
use kam::storage::packed::{pack, unpack, PREFIX};
use libfuzzer_sys::fuzz_target;
use std::borrow::Cow;

const BASE: u32 = 0x3400;
const BITS: u32 = 15;

/// Bytes in the packed alphabet: 15 bits a character from U+3400.
fn to_units(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut acc, mut held) = (0u32, 0u32);
    for byte in bytes {
        acc = (acc << 8) | u32::from(*byte);
        held += 8;
        if held >= BITS {
            held -= BITS;
            out.extend(char::from_u32(BASE + ((acc >> held) & 0x7fff)));
            acc &= (1 << held) - 1;
        }
    }
    if held > 0 {
        out.extend(char::from_u32(BASE + ((acc << (BITS - held)) & 0x7fff)));
    }
    out
}

/// The bytes of a body in the packed alphabet (the inverse of [`to_units`]).
fn from_units(body: &str, length: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut held) = (0u32, 0u32);
    for c in body.chars() {
        acc = (acc << BITS) | (u32::from(c) - BASE);
        held += BITS;
        while held >= 8 {
            held -= 8;
            out.push((acc >> held) as u8);
        }
        acc &= (1 << held) - 1;
    }
    out.truncate(length);
    out
}

#[derive(Arbitrary, Debug)]
enum Claim {
    Exact,
    Off(i8),
    Any(u32),
    Text(String),
}

#[derive(Arbitrary, Debug)]
enum Input {
    /// Any stored text.
    Text(String),
    /// The prefix, a claimed length and a body over arbitrary bytes.
    Body {
        claim: Claim,
        bytes: Vec<u8>,
        cut: u8,
    },
    /// A packed text with one character replaced.
    Damaged { text: String, at: u16, with: char },
    /// A packed text whose LZ4 data has one byte changed.
    Bytes { text: String, at: u16, xor: u8 },
    /// A packed text cut short or lengthened.
    Cut {
        text: String,
        keep: u16,
        more: String,
    },
}

fuzz_target!(|input: Input| {
    match input {
        Input::Text(text) => {
            let unpacked = unpack(&text);
            if !text.starts_with(PREFIX) {
                assert_eq!(unpacked, Ok(Cow::Borrowed(text.as_str())));
            }
            let packed = pack(&text);
            assert_eq!(unpack(&packed).as_deref(), Ok(text.as_str()));
        }
        Input::Body { claim, bytes, cut } => {
            let length = match claim {
                Claim::Exact => bytes.len().to_string(),
                Claim::Off(d) => (bytes.len() as i64 + i64::from(d)).to_string(),
                Claim::Any(n) => n.to_string(),
                Claim::Text(t) => t,
            };
            let mut body = to_units(&bytes);
            for _ in 0..cut % 4 {
                body.pop();
            }
            let _ = unpack(&format!("{PREFIX}{length}:{body}"));
        }
        Input::Damaged { text, at, with } => {
            let packed = pack(&text);
            let mut chars: Vec<char> = packed.chars().collect();
            let at = usize::from(at) % chars.len();
            chars[at] = with;
            let damaged: String = chars.into_iter().collect();
            if let Ok(unpacked) = unpack(&damaged) {
                // Only a change in the body's padding bits, or a text without the prefix
                // any more, reads; the rest is refused.
                let _ = unpacked.len();
            }
        }
        Input::Bytes { text, at, xor } => {
            let packed = pack(&text);
            let rest = &packed[PREFIX.len()..];
            let Some((length, body)) = rest.split_once(':') else {
                panic!("a packed text has its length")
            };
            let length: usize = length.parse().expect("a packed length is a number");
            let mut bytes = from_units(body, length);
            assert_eq!(bytes.len(), length);
            let at = usize::from(at) % bytes.len();
            bytes[at] ^= xor;
            let damaged = format!("{PREFIX}{length}:{}", to_units(&bytes));
            if xor == 0 {
                assert_eq!(unpack(&damaged).as_deref(), Ok(text.as_str()));
            } else {
                let _ = unpack(&damaged);
            }
        }
        Input::Cut { text, keep, more } => {
            let packed = pack(&text);
            let keep = packed
                .char_indices()
                .map(|(i, _)| i)
                .nth(usize::from(keep))
                .unwrap_or(packed.len());
            let _ = unpack(&format!("{}{more}", &packed[..keep]));
        }
    }
});
