//! Compiles `data/*.toml` into the library: Rust statics for the charts and JSON for `dataset()`.
//! A mistake in a data file stops the build with messages naming the file, record and field.

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed=data");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let result =
        datagen::read_sources(&root.join("data")).map_err(|e| vec![e]).and_then(|sources| datagen::compile(&sources));
    match result {
        Ok(data) => {
            write(Path::new(&out_dir).join("dataset.rs"), datagen::to_rust(&data));
            write(Path::new(&out_dir).join("dataset.json"), datagen::to_json(&data));
        }
        Err(errors) => {
            eprintln!("\nThe dataset in data/ has {} problem(s):\n", errors.len());
            for e in &errors {
                eprintln!("  {e}\n");
            }
            eprintln!("See data/README.md for the format of each file.\n");
            std::process::exit(1);
        }
    }
}

fn write(path: impl AsRef<Path>, text: String) {
    if let Err(e) = std::fs::write(path.as_ref(), text) {
        eprintln!("cannot write {}: {e}", path.as_ref().display());
        std::process::exit(1);
    }
}
