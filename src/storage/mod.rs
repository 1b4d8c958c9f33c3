//! Saved data. [`envelope`] is the file format (shared by localStorage and exported
//! workspace files) and [`packed`] the compressed form it takes in localStorage, both
//! plain Rust; `local` (browser only) is the only code that touches localStorage.
//! [`collation`] keeps the order of long lists between visits. [`Fnv`] is the hash both
//! it and `local` use to tell stored values apart.

pub mod collation;
pub mod envelope;
pub mod packed;

#[cfg(target_arch = "wasm32")]
pub mod local;

/// 64-bit FNV-1a: small, fast enough for megabytes, and the same in every build and on
/// every machine (a hash stored by one visit is compared by the next).
pub struct Fnv(u64);

impl Fnv {
    pub const fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub fn finish(&self) -> u64 {
        self.0
    }
}

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

#[cfg(test)]
mod tests {
    use super::Fnv;

    #[test]
    fn fnv_gives_the_published_values() {
        // FNV-1a 64 test vectors (Fowler, Noll, Vo).
        for (text, hash) in [
            ("", 0xcbf2_9ce4_8422_2325),
            ("a", 0xaf63_dc4c_8601_ec8c),
            ("foobar", 0x8594_4171_f739_67e8),
        ] {
            let mut fnv = Fnv::new();
            fnv.write(text.as_bytes());
            assert_eq!(fnv.finish(), hash, "{text:?}");
        }
    }
}
