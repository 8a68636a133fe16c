//! `faisceau-wasm-bindgen INPUT.wasm OUT_DIR`: what web/build.sh asked of
//! `wasm-bindgen --target web --no-typescript --remove-name-section
//! --remove-producers-section --out-name faisceau`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir] = args.as_slice() else {
        eprintln!("usage: faisceau-wasm-bindgen INPUT.wasm OUT_DIR");
        return ExitCode::from(2);
    };
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    let made = bindgen
        .input_path(input)
        .web(true)
        .and_then(|b| {
            b.typescript(false)
                .remove_name_section(true)
                .remove_producers_section(true)
                .omit_default_module_path(false)
                .out_name("faisceau")
                .generate(out_dir)
        });
    match made {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("wasm-bindgen: {error:#}");
            ExitCode::FAILURE
        }
    }
}
