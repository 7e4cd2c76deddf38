//! Request bodies read as their JSON Schema (the OpenAPI document) describes them, where
//! serde's defaults differ from it. [`SchemaReader`] wraps a deserializer so that:
//!
//! - a whole number written with a fraction (`2.0`, `1e3`) is an integer. JSON has one
//!   number type and JSON Schema counts `2.0` as an integer, so a client (or a generator
//!   following the document) may send `"adults": 2.0`; serde reads an integer field only
//!   from an integer literal. A whole float that fits a 64-bit integer reaches the visitor
//!   as that integer; fractions (`2.5`) and whole floats out of range reach it unchanged,
//!   so an integer field still refuses them, and a float field reads an integer as before.
//! - an object is only ever a JSON object. serde reads a struct from an array of its
//!   fields too (`"descriptions": ["fr", "en"]`), which no schema of the API allows.
//! - text never holds the NUL character (U+0000), which PostgreSQL cannot store: every
//!   string of the document excludes it (`pattern`), and one that holds it is refused
//!   here (a 422 naming the field) rather than failing in the database.

use std::fmt;

use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// A deserializer reading JSON as the schema means it (see the module documentation).
pub struct SchemaReader<D>(pub D);

/// 2^63 and 2^64 as floats: the first float out of range of `i64`, `u64`.
const I64_END: f64 = 9_223_372_036_854_775_808.0;
const U64_END: f64 = 18_446_744_073_709_551_616.0;

macro_rules! forward {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
                self.0.$method(Wrap(visitor))
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for SchemaReader<D> {
    type Error = D::Error;

    forward! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
    }

    /// A field's name is matched, not read as text.
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_identifier(visitor)
    }

    /// What is ignored is not read: an unknown query parameter holding U+0000 is left alone
    /// (a body refuses unknown fields anyway).
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_ignored_any(visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_unit_struct(name, Wrap(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_newtype_struct(name, Wrap(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple(len, Wrap(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple_struct(name, len, Wrap(visitor))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        // A map, not a struct: a self-describing format then reads it from an object only.
        self.0.deserialize_map(Wrap(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_enum(name, variants, Wrap(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// Why text holding U+0000 is refused.
pub const NUL_REFUSED: &str = "text must not contain the NUL character (U+0000)";

/// Refuses text holding U+0000.
fn without_nul<E: serde::de::Error>(text: &str) -> Result<(), E> {
    if text.contains('\0') {
        Err(E::custom(NUL_REFUSED))
    } else {
        Ok(())
    }
}

/// A visitor passing whole floats on as integers, and wrapping what it descends into.
struct Wrap<V>(V);

macro_rules! pass {
    ($($method:ident: $ty:ty)*) => {
        $(
            fn $method<E: serde::de::Error>(self, v: $ty) -> Result<Self::Value, E> {
                self.0.$method(v)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    pass! {
        visit_bool: bool visit_i8: i8 visit_i16: i16 visit_i32: i32 visit_i64: i64
        visit_i128: i128 visit_u8: u8 visit_u16: u16 visit_u32: u32 visit_u64: u64
        visit_u128: u128 visit_f32: f32 visit_char: char visit_bytes: &[u8]
        visit_byte_buf: Vec<u8>
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        without_nul(v)?;
        self.0.visit_str(v)
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
        without_nul(&v)?;
        self.0.visit_string(v)
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if v.fract() == 0.0 {
            // In range, the casts are exact: `v` is a whole number below 2^63 (2^64).
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            if (0.0..U64_END).contains(&v) {
                return self.0.visit_u64(v as u64);
            } else if (-I64_END..0.0).contains(&v) {
                return self.0.visit_i64(v as i64);
            }
        }
        self.0.visit_f64(v)
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        without_nul(v)?;
        self.0.visit_borrowed_str(v)
    }

    fn visit_borrowed_bytes<E: serde::de::Error>(self, v: &'de [u8]) -> Result<Self::Value, E> {
        self.0.visit_borrowed_bytes(v)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.visit_some(SchemaReader(d))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_unit()
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.visit_newtype_struct(SchemaReader(d))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.visit_seq(Wrap(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(Wrap(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.0.visit_enum(Wrap(data))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Wrap<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(SchemaReader(d))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Wrap<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Self::Error> {
        self.0.next_element_seed(Wrap(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Wrap<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        // A key is a field's name, as given: not the text the API stores.
        self.0.next_key_seed(seed)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        self.0.next_value_seed(Wrap(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Wrap<A> {
    type Error = A::Error;
    type Variant = Wrap<A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), Self::Error> {
        self.0
            .variant_seed(Wrap(seed))
            .map(|(value, variant)| (value, Wrap(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Wrap<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), Self::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        self.0.newtype_variant_seed(Wrap(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.tuple_variant(len, Wrap(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        // The variant's content read as a map, from an object only (as a struct above).
        self.0.newtype_variant_seed(AsMap(visitor))
    }
}

/// Reads the value it is given as a map with its visitor.
struct AsMap<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for AsMap<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(Wrap(self.0))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use serde::Deserialize;

    use super::SchemaReader;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Stay {
        adults: u32,
        children: Vec<u8>,
        total: Option<i64>,
        lat: f64,
        inner: Option<Inner>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "lowercase")]
    enum Inner {
        Share { bp: u16 },
    }

    fn read(json: &str) -> Result<Stay, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(json);
        Stay::deserialize(SchemaReader(&mut de))
    }

    #[test]
    fn whole_floats_read_as_integers_at_any_depth() {
        let stay = read(
            r#"{"adults": 2.0, "children": [7.0, 1e1], "total": -1.5e3, "lat": 43,
                "inner": {"share": {"bp": 10000.0}}}"#,
        )
        .unwrap();
        assert_eq!(
            stay,
            Stay {
                adults: 2,
                children: vec![7, 10],
                total: Some(-1500),
                lat: 43.0,
                inner: Some(Inner::Share { bp: 10_000 }),
            }
        );
    }

    #[test]
    fn an_object_is_never_read_from_an_array() {
        assert!(
            read(
                r#"{"adults": 1, "children": [], "total": null, "lat": 1, "inner": {"share": [3]}}"#
            )
            .is_err()
        );
        let mut de = serde_json::Deserializer::from_str(r#"[2, [], null, 1.5, null]"#);
        assert!(Stay::deserialize(SchemaReader(&mut de)).is_err());
        assert!(read(r#"{"adults": 1, "children": [], "total": null, "lat": 1, "inner": {"share": {"bp": 3}}}"#).is_ok());
    }

    #[test]
    fn text_with_a_nul_character_is_refused() {
        #[derive(Debug, Deserialize)]
        struct Note {
            #[allow(dead_code)]
            text: String,
        }
        let read = |json: &str| {
            let mut de = serde_json::Deserializer::from_str(json);
            Note::deserialize(SchemaReader(&mut de))
        };
        assert!(read(r#"{"text": "a\u0000b"}"#).is_err());
        // An unknown key (ignored) may hold one.
        assert!(read(r#"{"text": "ab", "x\u0000": 1}"#).is_ok());
        assert!(read(r#"{"text": "a\u0001b"}"#).is_ok());
    }

    #[test]
    fn fractions_and_out_of_range_numbers_are_still_refused() {
        let base = |adults: &str, child: &str| {
            format!(
                r#"{{"adults": {adults}, "children": [{child}], "total": null, "lat": 1.5, "inner": null}}"#
            )
        };
        assert!(read(&base("2.5", "1")).is_err());
        assert!(read(&base("-1.0", "1")).is_err());
        assert!(read(&base("2", "256.0")).is_err());
        assert!(read(&base("1e20", "1")).is_err());
        assert_eq!(read(&base("2", "1")).unwrap().lat, 1.5);
    }
}
