//! The form a workspace takes in localStorage: the envelope's JSON compressed with LZ4
//! and written 15 bits to a character, so 10,000 fully filled-in accounts take about a
//! quarter of the browser's 5,242,880-character quota instead of more than all of it.
//!
//! The characters used are U+3400..=U+B3FF: one UTF-16 unit each (localStorage counts
//! those), never a surrogate, so any browser stores and returns them unchanged. A value
//! starts with [`PREFIX`] and the length of the compressed bytes; anything else is taken
//! as the plain JSON that earlier versions stored (it starts with `{`), so their data
//! loads as it is and is packed on the next save. Exported workspace files stay plain
//! JSON. Compressing and unpacking run synchronously, so the save made when the page is
//! hidden or closed is complete before the browser lets go of the page.

use std::borrow::Cow;

/// Marks a packed value, with the version of this packing.
pub const PREFIX: &str = "kam-lz4-1:";

/// The first character of the packing alphabet.
const BASE: u32 = 0x3400;
const BITS: u32 = 15;

/// The largest workspace text a packed value may claim to hold (far above what
/// localStorage can hold even packed): a damaged length never makes us reserve gigabytes.
const MAX_UNPACKED: usize = 256 * 1024 * 1024;

/// Why a stored value could not be unpacked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UnpackError {
    #[error("the packed data's header is damaged")]
    Header,
    #[error("the packed data has a character outside its alphabet")]
    Character,
    #[error("the packed data is cut short")]
    Truncated,
    #[error("the packed data does not decompress: {0}")]
    Decompress(String),
    #[error("the unpacked data is not text")]
    NotText,
}

/// The stored form of `json`.
pub fn pack(json: &str) -> String {
    let bytes = lz4_flex::block::compress_prepend_size(json.as_bytes());
    let mut out =
        String::with_capacity(PREFIX.len() + 12 + bytes.len() * 8 / BITS as usize * 3 + 3);
    out.push_str(PREFIX);
    out.push_str(&bytes.len().to_string());
    out.push(':');
    push_bytes(&mut out, &bytes);
    out
}

/// Appends `bytes` to `out`, 15 bits a character, the last one padded with zeros.
fn push_bytes(out: &mut String, bytes: &[u8]) {
    let mut acc: u32 = 0;
    let mut held: u32 = 0;
    for byte in bytes {
        acc = (acc << 8) | u32::from(*byte);
        held += 8;
        if held >= BITS {
            held -= BITS;
            push_unit(out, (acc >> held) & 0x7fff);
            acc &= (1 << held) - 1;
        }
    }
    if held > 0 {
        push_unit(out, (acc << (BITS - held)) & 0x7fff);
    }
}

fn push_unit(out: &mut String, value: u32) {
    // BASE + value ≤ 0xB3FF: always a valid character outside the surrogates.
    if let Some(c) = char::from_u32(BASE + value) {
        out.push(c);
    }
}

/// The workspace JSON in a stored value: unpacked if it was packed, as it is otherwise.
pub fn unpack(stored: &str) -> Result<Cow<'_, str>, UnpackError> {
    let Some(rest) = stored.strip_prefix(PREFIX) else {
        return Ok(Cow::Borrowed(stored));
    };
    let (length, body) = rest.split_once(':').ok_or(UnpackError::Header)?;
    let length: usize = length.parse().map_err(|_| UnpackError::Header)?;
    if !(4..=MAX_UNPACKED).contains(&length) {
        return Err(UnpackError::Header);
    }
    let bytes = unpack_bits(body.as_bytes(), length)?;
    let claimed = bytes
        .get(..4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map(|b| u32::from_le_bytes(b) as usize)
        .ok_or(UnpackError::Truncated)?;
    if claimed > MAX_UNPACKED {
        return Err(UnpackError::Header);
    }
    let text = lz4_flex::block::decompress_size_prepended(&bytes)
        .map_err(|e| UnpackError::Decompress(e.to_string()))?;
    String::from_utf8(text)
        .map(Cow::Owned)
        .map_err(|_| UnpackError::NotText)
}

/// The `length` bytes written 15 bits a character into `utf8` (the stored characters'
/// UTF-8: every character of the alphabet takes three bytes). Eight characters carry
/// fifteen bytes, so whole groups of eight are unpacked at once (a stored workspace is
/// read at every start, and this is a good part of it); the rest one by one.
fn unpack_bits(utf8: &[u8], length: usize) -> Result<Vec<u8>, UnpackError> {
    if !utf8.len().is_multiple_of(3) {
        return Err(UnpackError::Character);
    }
    // Room for one whole group past `length`, cut off at the end.
    let mut out = vec![0u8; length + 15];
    let mut pos = 0;
    let mut groups = utf8.chunks_exact(24);
    for group in &mut groups {
        if pos >= length {
            break;
        }
        // 120 bits in two halves of 60 (WebAssembly has 64-bit arithmetic, not 128-bit:
        // a u128 here made reading a stored workspace several times slower).
        let (first, second) = group.split_at(12);
        let mut high: u64 = 0;
        let mut low: u64 = 0;
        for (half, units) in [(&mut high, first), (&mut low, second)] {
            for unit in units.chunks_exact(3) {
                *half = (*half << BITS) | u64::from(unit_value(unit)?);
            }
        }
        // Bytes 0..7 are the high half's first 56 bits, byte 7 its last four and the low
        // half's first four, bytes 8..15 the low half's last 56.
        let bytes = &mut out[pos..pos + 15];
        bytes[..7].copy_from_slice(&(high >> 4).to_be_bytes()[1..]);
        bytes[7] = (((high & 0xf) << 4) | (low >> 56)) as u8;
        bytes[8..].copy_from_slice(&(low & ((1 << 56) - 1)).to_be_bytes()[1..]);
        pos += 15;
    }
    let mut acc: u32 = 0;
    let mut held: u32 = 0;
    for unit in groups.remainder().chunks_exact(3) {
        if pos >= length {
            break;
        }
        acc = (acc << BITS) | unit_value(unit)?;
        held += BITS;
        while held >= 8 && pos < length {
            held -= 8;
            out[pos] = (acc >> held) as u8;
            pos += 1;
        }
        acc &= (1 << held) - 1;
    }
    if pos < length {
        return Err(UnpackError::Truncated);
    }
    out.truncate(length);
    Ok(out)
}

/// The 15-bit value of one stored character, given as its three UTF-8 bytes.
fn unit_value(unit: &[u8]) -> Result<u32, UnpackError> {
    let &[a, b, c] = unit else {
        return Err(UnpackError::Character);
    };
    // In valid UTF-8 a three-byte lead is followed by its two continuation bytes, so a
    // lead here means the whole group is one character.
    if a & 0xf0 != 0xe0 {
        return Err(UnpackError::Character);
    }
    let code = (u32::from(a & 0x0f) << 12) | (u32::from(b & 0x3f) << 6) | u32::from(c & 0x3f);
    code.checked_sub(BASE)
        .filter(|v| *v < 1 << BITS)
        .ok_or(UnpackError::Character)
}

/// How many characters `text` counts for in localStorage (UTF-16 units).
pub fn stored_length(text: &str) -> usize {
    text.encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(n: usize) -> String {
        let mut json = String::from(r#"{"format":"kam-workbench/workspace","accounts":["#);
        for i in 0..n {
            json.push_str(&format!(
                r#"{{"id":{i},"name":"上海汽车零部件有限公司 {i}","email":"buyer{i}@example.com"}},"#
            ));
        }
        json.push_str("]}");
        json
    }

    #[test]
    fn a_packed_workspace_unpacks_to_the_same_text() {
        for n in [0, 1, 2, 7, 100, 1000] {
            let json = sample(n);
            let packed = pack(&json);
            assert!(packed.starts_with(PREFIX));
            assert_eq!(unpack(&packed).expect("unpacks"), json, "{n} accounts");
        }
        for text in [
            "",
            "x",
            "ab",
            "<img src=x onerror=alert(1)>",
            "😀\u{0}\u{202e}",
        ] {
            assert_eq!(unpack(&pack(text)).expect("unpacks"), text);
        }
    }

    #[test]
    fn texts_of_every_length_unpack_whole_and_in_groups_alike() {
        // Lengths around the eight-character groups the unpacking works in.
        let text: String = (0..400u32)
            .map(|i| char::from_u32(0x20 + (i * 7919) % 0x2000).unwrap_or('x'))
            .collect();
        let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for end in ends {
            let part = &text[..end];
            assert_eq!(unpack(&pack(part)).expect("unpacks"), part, "{end} bytes");
        }
    }

    #[test]
    fn a_character_outside_the_alphabet_is_refused_wherever_it_is() {
        let packed = pack(&sample(20));
        let chars: Vec<char> = packed.chars().collect();
        let start = packed
            .find(':')
            .and_then(|i| packed[i + 1..].find(':').map(|j| i + j + 2));
        let first = packed[..start.unwrap_or(0)].chars().count();
        // In the first group, in a middle one, and in the last characters.
        for at in [first, first + 13, chars.len() - 2] {
            for stranger in ['a', 'é', '\u{e000}', '\u{33ff}', '😀'] {
                let mut damaged = chars.clone();
                damaged[at] = stranger;
                let damaged: String = damaged.into_iter().collect();
                assert_eq!(
                    unpack(&damaged),
                    Err(UnpackError::Character),
                    "{stranger:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn plain_json_from_earlier_versions_is_read_as_it_is() {
        let json = r#"{"format":"kam-workbench/workspace","version":2}"#;
        assert!(matches!(unpack(json), Ok(Cow::Borrowed(text)) if text == json));
    }

    #[test]
    fn packed_text_uses_one_utf16_unit_per_character_and_no_surrogate() {
        let packed = pack(&sample(200));
        assert_eq!(stored_length(&packed), packed.chars().count());
        assert!(packed
            .chars()
            .skip(PREFIX.len())
            .all(|c| c.is_ascii_digit() || c == ':' || ('\u{3400}'..='\u{b3ff}').contains(&c)));
    }

    #[test]
    fn packing_takes_a_fraction_of_the_json() {
        let json = sample(2000);
        let packed = pack(&json);
        assert!(
            stored_length(&packed) * 4 < stored_length(&json),
            "{} vs {}",
            stored_length(&packed),
            stored_length(&json)
        );
    }

    #[test]
    fn damaged_packed_values_are_refused_not_misread() {
        let packed = pack(&sample(50));
        let cut: String = packed.chars().take(packed.chars().count() - 10).collect();
        assert_eq!(unpack(&cut), Err(UnpackError::Truncated));
        assert_eq!(unpack("kam-lz4-1:12"), Err(UnpackError::Header));
        assert_eq!(unpack("kam-lz4-1:x:"), Err(UnpackError::Header));
        assert_eq!(unpack("kam-lz4-1:99999999999:"), Err(UnpackError::Header));
        let mut wrong = packed.clone();
        wrong.push('a');
        assert_eq!(unpack(&wrong), Err(UnpackError::Character));
        // A header claiming far more than any workspace is refused before reserving it.
        let mut huge = vec![0xff, 0xff, 0xff, 0x7f];
        huge.extend_from_slice(b"more");
        let mut packed_huge = format!("{PREFIX}{}:", huge.len());
        push_bytes(&mut packed_huge, &huge);
        assert_eq!(unpack(&packed_huge), Err(UnpackError::Header));
    }
}
