//! Small WebAssembly modules built byte by byte, for the tests of the size ledger.

pub fn leb(mut value: usize) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

pub fn vector(bytes: &[u8]) -> Vec<u8> {
    [leb(bytes.len()), bytes.to_vec()].concat()
}

pub fn vector_of(items: &[Vec<u8>]) -> Vec<u8> {
    [leb(items.len()), items.concat()].concat()
}

pub fn section(id: u8, contents: &[u8]) -> Vec<u8> {
    [vec![id], vector(contents)].concat()
}

pub fn custom(name: &str, contents: &[u8]) -> Vec<u8> {
    section(0, &[vector(name.as_bytes()), contents.to_vec()].concat())
}

/// A module of two imported functions and a memory, `bodies` as functions 2, 3, …, an export of
/// function 2 as "render", the data segments (the first active at 1024, the others passive)
/// and a name section naming the functions.
pub fn module(bodies: &[&[u8]], names: &[(usize, &str)], segments: &[&[u8]]) -> Vec<u8> {
    let import =
        |field: &str, description: &[u8]| [vector(b"env"), vector(field.as_bytes()), description.to_vec()].concat();
    let imports = vector_of(&[import("f", &[0, 0]), import("memory", &[2, 1, 1, 2]), import("g", &[0, 0])]);
    let exports = vector_of(&[[vector(b"render"), vec![0], leb(2)].concat(), [vector(b"memory"), vec![2, 0]].concat()]);
    let code = vector_of(&bodies.iter().map(|body| vector(body)).collect::<Vec<_>>());
    let data = vector_of(
        &segments
            .iter()
            .enumerate()
            .map(|(i, bytes)| match i {
                0 => [vec![0, 0x41], leb(1024), vec![0x0b], vector(bytes)].concat(),
                _ => [vec![1], vector(bytes)].concat(),
            })
            .collect::<Vec<_>>(),
    );
    let function_names = vector_of(
        &names.iter().map(|(index, name)| [leb(*index), vector(name.as_bytes())].concat()).collect::<Vec<_>>(),
    );
    let name_section = [vec![0], vector(&vector(b"module")), vec![1], vector(&function_names)].concat();
    [
        b"\0asm\x01\0\0\0".to_vec(),
        section(1, &vector_of(&[vec![0x60, 0, 0]])),
        section(2, &imports),
        section(7, &exports),
        section(10, &code),
        section(11, &data),
        custom("name", &name_section),
    ]
    .concat()
}
