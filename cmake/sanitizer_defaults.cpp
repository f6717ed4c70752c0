// Default sanitizer options of every program in a sanitizer build (make asan); the environment's
// ASAN_OPTIONS and UBSAN_OPTIONS still override them.

// A finding aborts (a signal) instead of exiting with status 1: hindsight's status 1 means
// "content errors", so a test that expects it would otherwise pass over a memory error or a
// leak in the binary it runs. Leaks are checked at exit in every program, child processes too.
// A string_view into a returned function's local std::string (short strings live on the stack)
// is caught by detect_stack_use_after_return.
extern "C" const char* __asan_default_options() {
    return "abort_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1:"
           "detect_stack_use_after_return=1";
}

extern "C" const char* __ubsan_default_options() {
    return "abort_on_error=1:print_stacktrace=1:halt_on_error=1";
}
