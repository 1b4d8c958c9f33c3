//! Languages and text that exists in both of them (names of built-in criteria, tier
//! principles): the user may edit either side.

use serde::{Deserialize, Serialize};

/// The two languages of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    #[serde(rename = "zh-CN")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Zh, Language::En];

    /// The BCP 47 tag used in `<html lang>` and in storage.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Zh => "zh-CN",
            Language::En => "en",
        }
    }

    /// Chooses the interface language from a browser language tag: any Chinese
    /// variant gives Chinese, everything else English.
    pub fn from_browser_tag(tag: &str) -> Language {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Language::Zh
        } else {
            Language::En
        }
    }

    pub fn from_tag(tag: &str) -> Option<Language> {
        match tag {
            "zh-CN" => Some(Language::Zh),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

/// A text kept in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LocalizedText {
    pub zh: String,
    pub en: String,
}

impl LocalizedText {
    pub fn new(zh: &str, en: &str) -> Self {
        Self {
            zh: zh.to_owned(),
            en: en.to_owned(),
        }
    }

    /// The text in `language`, or the other language's text when that side is empty,
    /// so a criterion named only in Chinese still shows a name in English.
    pub fn get(&self, language: Language) -> &str {
        let (first, second) = match language {
            Language::Zh => (&self.zh, &self.en),
            Language::En => (&self.en, &self.zh),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    pub fn side_mut(&mut self, language: Language) -> &mut String {
        match language {
            Language::Zh => &mut self.zh,
            Language::En => &mut self.en,
        }
    }

    pub fn is_blank(&self) -> bool {
        self.zh.trim().is_empty() && self.en.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_language_chinese_variants_choose_chinese() {
        for tag in ["zh", "zh-CN", "zh-TW", "ZH-hk"] {
            assert_eq!(Language::from_browser_tag(tag), Language::Zh, "{tag}");
        }
        for tag in ["en-US", "de", ""] {
            assert_eq!(Language::from_browser_tag(tag), Language::En, "{tag}");
        }
    }

    #[test]
    fn localized_text_falls_back_to_other_language_when_blank() {
        let only_zh = LocalizedText::new("地理位置", "");
        assert_eq!(only_zh.get(Language::En), "地理位置");
        let both = LocalizedText::new("地理位置", "Location");
        assert_eq!(both.get(Language::En), "Location");
        assert_eq!(both.get(Language::Zh), "地理位置");
    }
}
