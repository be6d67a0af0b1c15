//! A small reader of the WebAssembly binary format: only what the size ledger needs (sections,
//! function bodies, function names, exports, data segments). See the WebAssembly core
//! specification, "Binary Format", and its appendix on the "name" custom section.

use std::collections::HashMap;
use std::ops::Range;

pub const CODE: u8 = 10;
pub const DATA: u8 = 11;
const CUSTOM: u8 = 0;
const IMPORT: u8 = 2;
const EXPORT: u8 = 7;

/// One section: its id, its name if it is a custom section, its contents (after the id and the
/// length) and the span of the whole section, header included, in the module.
pub struct Section<'a> {
    pub id: u8,
    pub custom_name: Option<String>,
    pub contents: &'a [u8],
    pub span: Range<usize>,
}

/// Reads the values of the binary format off a byte slice, front to back.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn byte(&mut self) -> Result<u8, String> {
        let byte = *self.bytes.get(self.at).ok_or_else(|| format!("unexpected end at byte {}", self.at))?;
        self.at += 1;
        Ok(byte)
    }

    /// An unsigned LEB128 number.
    fn unsigned(&mut self) -> Result<u64, String> {
        let (mut value, mut shift) = (0u64, 0);
        loop {
            let byte = self.byte()?;
            if shift >= 64 {
                return Err(format!("LEB128 number too long at byte {}", self.at));
            }
            value |= u64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte < 0x80 {
                return Ok(value);
            }
        }
    }

    fn count(&mut self) -> Result<usize, String> {
        usize::try_from(self.unsigned()?).map_err(|e| e.to_string())
    }

    /// A signed LEB128 number, skipped (only its length matters here).
    fn skip_signed(&mut self) -> Result<(), String> {
        while self.byte()? >= 0x80 {}
        Ok(())
    }

    fn bytes(&mut self, length: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(length).filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| format!("{length} bytes wanted at byte {}, past the end", self.at))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    /// A length-prefixed byte string.
    fn vector(&mut self) -> Result<&'a [u8], String> {
        let length = self.count()?;
        self.bytes(length)
    }

    fn name(&mut self) -> Result<String, String> {
        Ok(String::from_utf8_lossy(self.vector()?).into_owned())
    }

    /// The limits of a table or a memory: a flags byte, the minimum and, if flagged, the maximum.
    fn skip_limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.unsigned()?;
        if flags & 1 == 1 {
            self.unsigned()?;
        }
        Ok(())
    }

    /// A constant expression (a data segment's offset): instructions up to `end` (0x0b).
    fn skip_constant_expression(&mut self) -> Result<(), String> {
        loop {
            match self.byte()? {
                0x0b => return Ok(()),
                0x41 | 0x42 => self.skip_signed()?, // i32.const, i64.const
                0x23 => drop(self.unsigned()?),     // global.get
                other => return Err(format!("unexpected opcode 0x{other:02x} in a constant expression")),
            }
        }
    }
}

/// The module's sections, in order.
pub fn sections(wasm: &[u8]) -> Result<Vec<Section<'_>>, String> {
    if !wasm.starts_with(b"\0asm\x01\0\0\0") {
        return Err("not a WebAssembly module (version 1)".into());
    }
    let mut reader = Reader::new(wasm);
    reader.at = 8;
    let mut sections = Vec::new();
    while !reader.done() {
        let start = reader.at;
        let id = reader.byte()?;
        let contents = reader.vector()?;
        let custom_name = if id == CUSTOM { Some(Reader::new(contents).name()?) } else { None };
        sections.push(Section { id, custom_name, contents, span: start..reader.at });
    }
    Ok(sections)
}

/// The module without the custom section of this name (the bytes a browser would be sent if
/// the section had been removed).
pub fn without_custom_section(wasm: &[u8], name: &str) -> Result<Vec<u8>, String> {
    let mut kept = wasm[..8].to_vec();
    for section in sections(wasm)? {
        if section.custom_name.as_deref() != Some(name) {
            kept.extend_from_slice(&wasm[section.span]);
        }
    }
    Ok(kept)
}

/// The function bodies of a code section, each as a range of the section's contents that
/// includes the body's length prefix, and the length of the count that precedes them: the ranges
/// and the count together cover the contents exactly.
pub fn function_bodies(code: &[u8]) -> Result<(Vec<Range<usize>>, usize), String> {
    let mut reader = Reader::new(code);
    let count = reader.count()?;
    let count_length = reader.at;
    let mut bodies = Vec::with_capacity(count);
    for _ in 0..count {
        let start = reader.at;
        reader.vector()?;
        bodies.push(start..reader.at);
    }
    if !reader.done() {
        return Err(format!("{} bytes after the last function body", code.len() - reader.at));
    }
    Ok((bodies, count_length))
}

/// How many functions the import section brings in: the code section's first body is function
/// number `imported`.
pub fn imported_function_count(imports: &[u8]) -> Result<u32, String> {
    let mut reader = Reader::new(imports);
    let mut functions = 0;
    for _ in 0..reader.count()? {
        reader.vector()?; // module
        reader.vector()?; // field
        match reader.byte()? {
            0x00 => {
                reader.unsigned()?; // type index
                functions += 1;
            }
            0x01 => {
                reader.byte()?; // element type
                reader.skip_limits()?;
            }
            0x02 => reader.skip_limits()?,
            0x03 => drop(reader.bytes(2)?), // value type, mutability
            0x04 => {
                reader.byte()?; // tag attribute
                reader.unsigned()?;
            }
            other => return Err(format!("unknown import kind 0x{other:02x}")),
        }
    }
    Ok(functions)
}

/// The exported functions: name → function index.
pub fn exported_functions(exports: &[u8]) -> Result<HashMap<u32, String>, String> {
    let mut reader = Reader::new(exports);
    let mut functions = HashMap::new();
    for _ in 0..reader.count()? {
        let name = reader.name()?;
        let kind = reader.byte()?;
        let index = reader.unsigned()? as u32;
        if kind == 0x00 {
            functions.insert(index, name);
        }
    }
    Ok(functions)
}

/// The function names of a "name" custom section's contents (subsection 1): index → name.
pub fn function_names(name_section: &[u8]) -> Result<HashMap<u32, String>, String> {
    let mut reader = Reader::new(name_section);
    reader.name()?; // "name"
    let mut names = HashMap::new();
    while !reader.done() {
        let subsection = reader.byte()?;
        let contents = reader.vector()?;
        if subsection == 1 {
            let mut entries = Reader::new(contents);
            for _ in 0..entries.count()? {
                let index = entries.unsigned()? as u32;
                names.insert(index, entries.name()?);
            }
        }
    }
    Ok(names)
}

/// The bytes of each data segment, in order, without their headers.
pub fn data_segments(data: &[u8]) -> Result<Vec<&[u8]>, String> {
    let mut reader = Reader::new(data);
    let mut segments = Vec::new();
    for _ in 0..reader.count()? {
        match reader.unsigned()? {
            0 => reader.skip_constant_expression()?,
            1 => {}
            2 => {
                reader.unsigned()?; // memory index
                reader.skip_constant_expression()?;
            }
            other => return Err(format!("unknown data segment kind {other}")),
        }
        segments.push(reader.vector()?);
    }
    Ok(segments)
}

/// The sections of a module, found by what they hold.
pub struct Module<'a> {
    pub sections: Vec<Section<'a>>,
}

impl<'a> Module<'a> {
    pub fn read(wasm: &'a [u8]) -> Result<Self, String> {
        Ok(Module { sections: sections(wasm)? })
    }

    pub fn section(&self, id: u8) -> Option<&'a [u8]> {
        self.sections.iter().find(|s| s.id == id).map(|s| s.contents)
    }

    pub fn custom_section(&self, name: &str) -> Option<&'a [u8]> {
        self.sections.iter().find(|s| s.custom_name.as_deref() == Some(name)).map(|s| s.contents)
    }

    pub fn imported_functions(&self) -> Result<u32, String> {
        self.section(IMPORT).map_or(Ok(0), imported_function_count)
    }

    pub fn exported_functions(&self) -> Result<HashMap<u32, String>, String> {
        self.section(EXPORT).map_or_else(|| Ok(HashMap::new()), exported_functions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::size::wasm_builder as build;

    fn sample() -> Vec<u8> {
        let big = [0x01; 200]; // a body whose length takes two LEB128 bytes
        build::module(
            &[&[0, 0x0b], &big, &[0, 0x01, 0x0b]],
            &[(0, "f"), (2, "render"), (4, "long::name")],
            &[b"abc", b"de"],
        )
    }

    #[test]
    fn sections_are_read_in_order_with_custom_names_and_spans() {
        let wasm = sample();
        let read = sections(&wasm).unwrap();
        let ids: Vec<u8> = read.iter().map(|s| s.id).collect();
        assert_eq!(ids, [1, 2, 7, CODE, DATA, 0]);
        assert_eq!(read[5].custom_name.as_deref(), Some("name"));
        assert_eq!(read.last().unwrap().span.end, wasm.len());
        assert!(read.windows(2).all(|w| w[0].span.end == w[1].span.start));
        assert!(sections(b"\0asm\x01\0\0\0\x0a\x05\x01").is_err(), "a section longer than the file");
        assert!(sections(b"not wasm").is_err());
    }

    #[test]
    fn function_bodies_with_their_length_prefixes_cover_the_code_section() {
        let wasm = sample();
        let module = Module::read(&wasm).unwrap();
        let code = module.section(CODE).unwrap();
        let (bodies, count_length) = function_bodies(code).unwrap();
        let lengths: Vec<usize> = bodies.iter().map(|b| b.len()).collect();
        assert_eq!((lengths, count_length), (vec![3, 202, 4], 1));
        assert_eq!(count_length + bodies.iter().map(|b| b.len()).sum::<usize>(), code.len());
        assert!(function_bodies(&[2, 1, 0]).is_err(), "two bodies announced, one there");
    }

    #[test]
    fn function_names_are_numbered_after_the_imported_functions() {
        let wasm = sample();
        let module = Module::read(&wasm).unwrap();
        assert_eq!(module.imported_functions().unwrap(), 2, "two functions and a memory imported");
        let names = function_names(module.custom_section("name").unwrap()).unwrap();
        assert_eq!(names[&2], "render");
        assert_eq!(names[&4], "long::name");
        assert_eq!(names.len(), 3);
        let exports = module.exported_functions().unwrap();
        assert_eq!(
            exports.into_iter().collect::<Vec<_>>(),
            [(2, "render".to_string())],
            "the memory is not a function"
        );
    }

    #[test]
    fn data_segments_are_read_without_their_headers() {
        let wasm = sample();
        let module = Module::read(&wasm).unwrap();
        assert_eq!(data_segments(module.section(DATA).unwrap()).unwrap(), [&b"abc"[..], &b"de"[..]]);
        assert!(data_segments(&[1, 0, 0x41, 0, 0x0c]).unwrap_err().contains("0x0c"), "an unknown opcode");
    }

    #[test]
    fn a_custom_section_can_be_left_out() {
        let wasm = sample();
        let without = without_custom_section(&wasm, "name").unwrap();
        let module = Module::read(&without).unwrap();
        assert!(module.custom_section("name").is_none());
        assert_eq!(module.sections.len(), 5);
        assert_eq!(without.len(), wasm.len() - sections(&wasm).unwrap()[5].span.len());
    }
}
