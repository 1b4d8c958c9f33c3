//! Documents kept inside the workspace as their JSON text: an account's plan, its
//! engagement (pipeline, contacts, promotion plans), the inquiry log.
//!
//! Each is dozens of nested types that only a few pages look into. Keeping it as text
//! means that loading, saving and copying a workspace never needs to know its shape, so
//! that code loads with the pages that read it, not with the first screen. The saved
//! format is the document's object itself.
//!
//! A document's text that this version cannot read (damaged, edited by hand) is kept as
//! it is: [`JsonDoc::read`] says why, and nothing writes over it unless the user starts
//! again.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// What a document is: readable and writable, and empty when there is nothing to keep
/// (an empty document is stored as none at all).
pub trait Document: Serialize + DeserializeOwned + PartialEq + Default {
    fn is_empty(&self) -> bool;
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JsonDoc<T> {
    raw: Box<RawValue>,
    #[serde(skip)]
    of: PhantomData<fn() -> T>,
}

impl<T> Clone for JsonDoc<T> {
    fn clone(&self) -> Self {
        JsonDoc {
            raw: self.raw.clone(),
            of: PhantomData,
        }
    }
}

/// Two documents are the same when their texts are: documents written here are always
/// written the same way. (Whether a colleague's says the same in other words is a
/// question for [`JsonDoc::same`].)
impl<T> PartialEq for JsonDoc<T> {
    fn eq(&self, other: &Self) -> bool {
        self.raw.get() == other.raw.get()
    }
}

impl<T> Eq for JsonDoc<T> {}

/// Why a stored document cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UnreadableDoc(pub String);

impl<T: Document> JsonDoc<T> {
    /// The document, read from its text.
    pub fn read(&self) -> Result<T, UnreadableDoc> {
        serde_json::from_str(self.raw.get()).map_err(|e| UnreadableDoc(e.to_string()))
    }

    /// The document of `value`; none when it is empty, so an account without one
    /// stores nothing.
    pub fn write(value: &T) -> Result<Option<Self>, UnreadableDoc> {
        if value.is_empty() {
            return Ok(None);
        }
        serde_json::value::to_raw_value(value)
            .map(|raw| {
                Some(JsonDoc {
                    raw,
                    of: PhantomData,
                })
            })
            .map_err(|e| UnreadableDoc(e.to_string()))
    }

    /// The document where there may be none: none is the empty document.
    pub fn read_or_empty(doc: Option<&Self>) -> Result<T, UnreadableDoc> {
        doc.map_or_else(|| Ok(T::default()), Self::read)
    }

    /// Whether two documents say the same: the same text, or texts that read as the
    /// same (a file written elsewhere may space or order its JSON differently). One that
    /// cannot be read is the same only as the identical text.
    pub fn same(a: Option<&Self>, b: Option<&Self>) -> bool {
        match (a, b) {
            (None, None) => true,
            (Some(a), Some(b)) if a == b => true,
            (Some(a), Some(b)) => matches!((a.read(), b.read()), (Ok(x), Ok(y)) if x == y),
            _ => false,
        }
    }
}

impl<T> JsonDoc<T> {
    /// The stored text.
    pub fn text(&self) -> &str {
        self.raw.get()
    }
}
