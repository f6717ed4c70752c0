// `hindsight lunr`: a JSON array of documents in, a lunr 2.3.9 index out; a drop-in for a
// lunr.js build script.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/print_diagnostics.hpp"
#include "search/document_input.hpp"
#include "search/js_value.hpp"
#include "search/lunr.hpp"

namespace hindsight {
namespace {

struct LunrOptions {
    std::string input = "-";
    std::string ref = "id";
    std::vector<std::string> fields;  // NAME or NAME:BOOST
    std::optional<std::string> doc_boost;
    std::optional<std::string> b;  // as given, read by make_options
    std::optional<std::string> k1;
    std::vector<std::string> metadata_whitelist;
};

struct Problem {
    std::string message;
    std::string hint;
};

// A finite number in JavaScript's syntax, as a build script would pass it to builder.b() or k1().
std::optional<double> parse_number(const std::string& text) {
    char* end = nullptr;
    errno = 0;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

// NAME[:BOOST]: the boost is what follows the last ':', so "a:b:2" is the field "a:b".
std::optional<Problem> parse_field(const std::string& spec, search::LunrField& field) {
    field = {spec, 1};
    const auto colon = spec.rfind(':');
    if (colon != std::string::npos) {
        const std::string boost = spec.substr(colon + 1);
        const auto value = parse_number(boost);
        if (!value) {
            return Problem{fmt::format("--field {}: the boost \"{}\" is not a number", spec, boost),
                           "write NAME or NAME:BOOST, for example --field title:10; a name "
                           "containing ':' needs an explicit boost (--field a:b:1)"};
        }
        field = {spec.substr(0, colon), *value};
    }
    if (auto problem = search::field_name_problem(field.name)) {
        return Problem{fmt::format("--field {}: {}", spec, *problem), {}};
    }
    return std::nullopt;
}

std::optional<Problem> make_options(const LunrOptions& options, search::BuilderOptions& builder) {
    if (options.b) {
        const auto b = parse_number(*options.b);
        if (!b) {
            return Problem{fmt::format("--b {}: not a number", *options.b),
                           "b is lunr's field-length normalisation, 0 to 1 (default 0.75)"};
        }
        builder.b = *b;  // the builder clamps it to [0, 1], as lunr's does
    }
    if (options.k1) {
        const auto k1 = parse_number(*options.k1);
        if (!k1) {
            return Problem{fmt::format("--k1 {}: not a number", *options.k1),
                           "k1 is lunr's term-frequency saturation (default 1.2)"};
        }
        builder.k1 = *k1;
    }
    builder.metadata_whitelist = options.metadata_whitelist;
    return std::nullopt;
}

// doc[name] on a document that lacks the member finds Object.prototype's in lunr.js.
std::optional<Problem> member_name_problem(const char* option, const std::string& name) {
    if (search::is_object_prototype_member(name)) {
        return Problem{fmt::format("{} {}: \"{}\" is a member of JavaScript's Object.prototype, "
                                   "which lunr.js would read from documents that lack it",
                                   option, name, name),
                       "rename that field in the documents"};
    }
    return std::nullopt;
}

std::optional<Problem> make_schema(const LunrOptions& options, search::DocumentSchema& schema) {
    schema.ref = options.ref;
    schema.boost_field = options.doc_boost;
    if (auto problem = member_name_problem("--ref", options.ref)) {
        return problem;
    }
    if (options.doc_boost) {
        if (auto problem = member_name_problem("--doc-boost", *options.doc_boost)) {
            return problem;
        }
    }
    for (const auto& spec : options.fields) {
        search::LunrField field;
        if (auto problem = parse_field(spec, field)) {
            return problem;
        }
        schema.fields.push_back(std::move(field));
    }
    return std::nullopt;
}

// "path:line:col: message", the place first as in every diagnostic.
std::string located(const Diagnostic& d) {
    std::string where = d.location.path;
    if (d.location.line > 0) {
        where += fmt::format(":{}:{}", d.location.line, d.location.column);
    }
    return fmt::format("{}: {}", where, d.message);
}

// Every problem is reported, up to a screenful: a file of 10,000 documents without refs
// needs one message, not 10,000.
void print_document_problems(const Diagnostics& diagnostics) {
    constexpr std::size_t kShown = 20;
    for (std::size_t i = 0; i < diagnostics.size() && i < kShown; ++i) {
        print_tool_error(located(diagnostics[i]), diagnostics[i].hint);
    }
    if (diagnostics.size() > kShown) {
        print_tool_error(fmt::format("{} more problems like these; no index was written",
                                     diagnostics.size() - kShown));
    }
}

int run_lunr(const LunrOptions& options) {
    search::DocumentSchema schema;
    search::BuilderOptions builder;
    auto problem = make_schema(options, schema);
    if (!problem) {
        problem = make_options(options, builder);
    }
    if (problem) {
        print_tool_error(problem->message, problem->hint);
        return 2;
    }
    simdjson::padded_string text;
    if (auto error = search::read_document_input(options.input, text)) {
        print_tool_error(*error);
        return 2;
    }
    const std::string path = options.input == "-" ? "<stdin>" : options.input;
    bool written = true;
    const Diagnostics problems = search::build_lunr_index_from_json(
        text, path, schema, builder, [&](std::string_view chunk) {
            written = written && std::fwrite(chunk.data(), 1, chunk.size(), stdout) == chunk.size();
        });
    if (!problems.empty()) {
        print_document_problems(problems);
        return 2;
    }
    if (!written || std::fflush(stdout) != 0) {
        print_tool_error(fmt::format("cannot write the index: {}", std::strerror(errno)));
        return 2;
    }
    return 0;
}

}  // namespace

void add_lunr_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<LunrOptions>();
    CLI::App* cmd = app.add_subcommand(
        "lunr", "Build a lunr.js 2.3.9 search index from a JSON array of documents");
    cmd->add_option("docs", options->input,
                    "JSON file holding an array of document objects ('-': standard input)")
        ->capture_default_str();
    cmd->add_option("--ref", options->ref, "Document field whose value identifies a document")
        ->capture_default_str();
    cmd->add_option("--field", options->fields,
                    "Field to index, NAME or NAME:BOOST, in lunr's field order; repeat it")
        ->required()
        ->allow_extra_args(false)  // one NAME per --field, so `--field body docs.json` works
        ->type_name("NAME[:BOOST]");
    cmd->add_option("--doc-boost", options->doc_boost,
                    "Document field holding a number that boosts the whole document");
    cmd->add_option("--b", options->b,
                    "BM25 field-length normalisation, as builder.b(B): 0 to 1, default 0.75")
        ->type_name("B");
    cmd->add_option("--k1", options->k1,
                    "BM25 term-frequency saturation, as builder.k1(K): default 1.2")
        ->type_name("K");
    cmd->add_option("--metadata-whitelist", options->metadata_whitelist,
                    "Token metadata to keep in the index, as builder.metadataWhitelist: "
                    "position, index or fields; repeat it")
        ->allow_extra_args(false)
        ->type_name("KEY");
    cmd->footer(
        "The index is written to standard output, byte for byte what JSON.stringify(idx) gives "
        "for the same documents in lunr.js 2.3.9; load it with lunr.Index.load.");
    cmd->callback([options, &exit_code] { exit_code = run_lunr(*options); });
}

}  // namespace hindsight
