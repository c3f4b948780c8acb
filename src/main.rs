fn main() -> std::process::ExitCode {
    connkit::cli::main()
}
