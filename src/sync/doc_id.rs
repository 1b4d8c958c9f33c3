//! Document ids as automerge-repo writes them: the 16 bytes of a version-4 UUID in
//! base58check. The server drops, without a word, messages whose id is not of this form,
//! so ids are made and checked here.

use std::fmt;

/// A document's id; its text form is what share links carry.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DocumentId([u8; 16]);

/// Why a text is not a document id.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DocIdError {
    /// Not base58, or its checksum does not match (a link cut short or mistyped).
    #[error("not a document id (its checksum does not match)")]
    Checksum,
    /// Base58check of the wrong length, or not a UUID.
    #[error("not a document id (not a UUID)")]
    NotUuid,
}

/// The prefix automerge-repo gives a document's URL.
pub const URL_PREFIX: &str = "automerge:";

impl DocumentId {
    /// A new id from 16 random bytes, marked as a version-4 UUID.
    pub fn from_random(mut bytes: [u8; 16]) -> Self {
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        Self(bytes)
    }

    /// Reads an id, with or without the `automerge:` prefix.
    pub fn parse(text: &str) -> Result<Self, DocIdError> {
        let text = text.trim();
        let text = text.strip_prefix(URL_PREFIX).unwrap_or(text);
        let bytes = bs58::decode(text)
            .with_check(None)
            .into_vec()
            .map_err(|_| DocIdError::Checksum)?;
        let bytes: [u8; 16] = bytes.try_into().map_err(|_| DocIdError::NotUuid)?;
        // The UUID's variant must be RFC 4122's and its version 1 to 8, as the
        // server's own check (the `uuid` package's `validate`) wants.
        let version = bytes[6] >> 4;
        if !(1..=8).contains(&version) || bytes[8] & 0xc0 != 0x80 {
            return Err(DocIdError::NotUuid);
        }
        Ok(Self(bytes))
    }

    /// The UUID's bytes.
    pub fn bytes(&self) -> [u8; 16] {
        self.0
    }

    /// The `automerge:` URL of the document.
    pub fn url(&self) -> String {
        format!("{URL_PREFIX}{self}")
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&bs58::encode(self.0).with_check().into_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes 0..16 as a version-4 UUID, written by automerge-repo 1.2.1's
    /// `stringifyAutomergeUrl` (bs58check of the bytes).
    const KNOWN: &str = "1Bhh3pUZD358hwFbvigTAY5qky";

    #[test]
    fn a_document_id_is_the_uuid_in_base58check_as_automerge_repo_writes_it() {
        let id = DocumentId::from_random(std::array::from_fn(|i| i as u8));
        assert_eq!(id.to_string(), KNOWN);
        assert_eq!(id.url(), format!("automerge:{KNOWN}"));
        assert_eq!(DocumentId::parse(KNOWN), Ok(id));
        assert_eq!(DocumentId::parse(&format!(" automerge:{KNOWN} ")), Ok(id));
    }

    #[test]
    fn a_new_document_id_is_a_version_4_uuid() {
        let id = DocumentId::from_random([0xff; 16]);
        assert_eq!(id.bytes()[6] >> 4, 4);
        assert_eq!(id.bytes()[8] >> 6, 0b10);
        let id = DocumentId::from_random([0; 16]);
        assert_eq!(id.bytes()[6] >> 4, 4);
        assert_eq!(DocumentId::parse(&id.to_string()), Ok(id));
    }

    #[test]
    fn a_mistyped_or_cut_link_is_not_a_document_id() {
        let id = DocumentId::from_random([7; 16]).to_string();
        let mut typo: Vec<char> = id.chars().collect();
        typo[3] = if typo[3] == 'a' { 'b' } else { 'a' };
        let typo: String = typo.into_iter().collect();
        assert_eq!(DocumentId::parse(&typo), Err(DocIdError::Checksum));
        assert_eq!(
            DocumentId::parse(&id[..id.len() - 2]),
            Err(DocIdError::Checksum)
        );
        assert_eq!(DocumentId::parse("0OIl"), Err(DocIdError::Checksum));
        assert_eq!(DocumentId::parse(""), Err(DocIdError::Checksum));
        // Well-formed base58check of bytes that are not a UUID.
        let short = bs58::encode([1u8; 8]).with_check().into_string();
        assert_eq!(DocumentId::parse(&short), Err(DocIdError::NotUuid));
        let nil = bs58::encode([0u8; 16]).with_check().into_string();
        assert_eq!(DocumentId::parse(&nil), Err(DocIdError::NotUuid));
    }
}
