// Running hindsight and lunr.js side by side on the same documents, and comparing what they give.
#include "lunr_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace hindsight::test {
namespace {

void write_bytes(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

// Corpus files may hold invalid UTF-8; JSON must not, so such bytes become U+FFFD here.
std::string dump(const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// A fixed linear congruential generator: the same queries on every machine and library.
class Lcg {
  public:
    std::size_t next(std::size_t bound) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>((state_ >> 33) % bound);
    }

  private:
    std::uint64_t state_ = 20240611;
};

bool is_query_syntax(char c) {
    return c == ':' || c == '^' || c == '~' || c == '*' || c == '+' || c == '-' || c == '\\';
}

void collect_words(const json& value, std::set<std::string>& words) {
    if (value.is_array() || value.is_object()) {
        for (const auto& element : value) {
            collect_words(element, words);
        }
        return;
    }
    if (!value.is_string()) {
        return;
    }
    std::istringstream in(value.get<std::string>());
    std::string word;
    while (in >> word) {
        word.erase(std::remove_if(word.begin(), word.end(), is_query_syntax), word.end());
        if (word.size() >= 2 && word.size() <= 30) {
            words.insert(word);
        }
    }
}

// A cut position moved back to the start of a UTF-8 sequence, so both halves stay valid.
std::size_t utf8_boundary(const std::string& word, std::size_t at) {
    while (at > 0 && at < word.size() && (static_cast<unsigned char>(word[at]) & 0xC0) == 0x80) {
        --at;
    }
    return at;
}

std::string first_heading(const std::string& text) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] == '#') {
            const auto start = line.find_first_not_of("# \t");
            return start == std::string::npos ? std::string() : line.substr(start);
        }
    }
    return {};
}

}  // namespace

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void require_node_and_lunr() {
    const RunResult node = run_program({"node", "--version"});
    if (node.exit_code != 0) {
        FAIL(
            "node is not installed (or not in PATH), so lunr.js cannot be run: the byte-identity "
            "tests need it. Install node and npm (make test does), then run npm ci.");
    }
    const fs::path package = source_dir() / "node_modules/lunr/package.json";
    if (!fs::exists(package)) {
        FAIL("lunr is not installed in " << (source_dir() / "node_modules").string()
                                         << ": run `npm ci` there (make test does).");
    }
    REQUIRE(json::parse(read_file(package)).value("version", "") == "2.3.9");
}

RunResult run_reference(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"node",
                                     (source_dir() / "tests/lunr/lunr_reference.mjs").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    RunResult result = run_program(argv);
    INFO("node stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    return result;
}

std::vector<std::string> IndexOptions::arguments() const {
    std::vector<std::string> args = {"--ref", ref};
    for (const auto& field : fields) {
        args.push_back("--field");
        args.push_back(field);
    }
    if (!doc_boost.empty()) {
        args.push_back("--doc-boost");
        args.push_back(doc_boost);
    }
    args.insert(args.end(), builder.begin(), builder.end());
    return args;
}

std::string to_json_text(const json& docs) {
    return dump(docs);
}

std::string site_documents_json(const search::SiteIndexInput& input) {
    json docs = json::array();
    for (const auto& document : input.documents) {
        json doc = {{"id", document.ref}};
        for (std::size_t f = 0; f < input.fields.size(); ++f) {
            doc[input.fields[f].name] = std::get<std::string>(document.values[f]);
        }
        docs.push_back(std::move(doc));
    }
    return dump(docs);
}

BuiltIndexes build_both(const fs::path& dir, const std::string& docs_json,
                        const IndexOptions& options) {
    const fs::path docs_path = dir / "docs.json";
    write_bytes(docs_path, docs_json);

    std::vector<std::string> ours = {HINDSIGHT_BINARY, "lunr"};
    const auto args = options.arguments();
    ours.insert(ours.end(), args.begin(), args.end());
    const RunResult hindsight = run_program(ours, docs_path);  // hindsight lunr < docs.json
    INFO("hindsight lunr stderr: " << hindsight.err);
    REQUIRE(hindsight.exit_code == 0);

    std::vector<std::string> reference = {"build"};
    reference.insert(reference.end(), args.begin(), args.end());
    reference.push_back(docs_path.string());
    reference.push_back((dir / "lunr-js.json").string());
    run_reference(reference);

    write_bytes(dir / "hindsight.json", hindsight.out);
    return {hindsight.out, read_file(dir / "lunr-js.json")};
}

std::string first_difference(const std::string& expected, const std::string& actual) {
    if (expected == actual) {
        return {};
    }
    const auto mismatch =
        std::mismatch(expected.begin(), expected.end(), actual.begin(), actual.end());
    const auto offset = static_cast<std::size_t>(mismatch.first - expected.begin());
    // The enclosing entry: the last '[[' or ',["' before the difference names the term or the
    // field vector it is in.
    const auto entry = expected.rfind("[\"", offset);
    const auto from = offset < 120 ? 0 : offset - 120;
    std::ostringstream out;
    out << "sizes: lunr.js " << expected.size() << " bytes, hindsight " << actual.size()
        << " bytes; first difference at byte " << offset << "\n"
        << "  in the entry starting: "
        << (entry == std::string::npos ? std::string("?") : expected.substr(entry, 80)) << "\n"
        << "  lunr.js:   ..." << expected.substr(from, offset - from) << " >>> "
        << expected.substr(offset, 80) << "\n"
        << "  hindsight: ..." << actual.substr(from, std::min(offset, actual.size()) - from)
        << " >>> " << (offset < actual.size() ? actual.substr(offset, 80) : "<end>");
    return out.str();
}

std::vector<std::string> make_queries(const json& docs, const std::vector<std::string>& fields,
                                      std::size_t count) {
    std::set<std::string> distinct;
    collect_words(docs, distinct);
    const std::vector<std::string> words(distinct.begin(), distinct.end());
    REQUIRE(words.size() >= 10);
    Lcg random;
    const auto word = [&] { return words[random.next(words.size())]; };
    const auto field = [&] { return fields[random.next(fields.size())]; };
    std::vector<std::string> queries;
    for (std::size_t i = 0; queries.size() < count; ++i) {
        const std::string w = word();
        switch (i % 12) {
            case 0:
                queries.push_back(w);
                break;
            case 1:
                queries.push_back(w + " " + word());
                break;
            case 2:
                queries.push_back(w + " " + word() + " " + word());
                break;
            case 3:
                queries.push_back(
                    w.substr(0, utf8_boundary(w, std::max<std::size_t>(2, w.size() / 2))) + "*");
                break;
            case 4:
                queries.push_back(field() + ":" + w);
                break;
            case 5:
                queries.push_back("+" + w + " -" + word());
                break;
            case 6:
                queries.push_back(w + "~1");
                break;
            case 7:
                queries.push_back(w + "^10 " + word());
                break;
            case 8:
                queries.push_back("-" + w);
                break;  // every document, in fieldVectors order
            case 9:
                queries.push_back("+" + w + " +" + word() + " " + word());
                break;
            case 10:
                queries.push_back(field() + ":" + w + " " + word() + "~2");
                break;
            default:
                queries.push_back("*" + w.substr(utf8_boundary(w, w.size() / 2)));
                break;
        }
    }
    return queries;
}

QueryReport compare_queries(const fs::path& dir, const BuiltIndexes& indexes,
                            const std::vector<std::string>& queries) {
    write_bytes(dir / "queries.json", json(queries).dump());
    write_bytes(dir / "a.json", indexes.hindsight);
    write_bytes(dir / "b.json", indexes.lunr_js);
    const RunResult run =
        run_reference({"query", (dir / "a.json").string(), (dir / "b.json").string(),
                       (dir / "queries.json").string()});
    const json report = json::parse(run.out);
    return {report.at("queries").get<int>(), report.at("hits").get<int>(),
            report.at("errors").get<int>(), report.at("mismatches").get<int>(),
            report.at("examples").dump()};
}

json markdown_documents(const fs::path& folder, bool recursive) {
    std::vector<fs::path> files;
    const auto add = [&](const fs::directory_entry& entry) {
        if (entry.is_regular_file() && entry.path().extension() == ".md") {
            files.push_back(entry.path());
        }
    };
    if (recursive) {
        for (const auto& entry : fs::recursive_directory_iterator(folder)) {
            add(entry);
        }
    } else {
        for (const auto& entry : fs::directory_iterator(folder)) {
            add(entry);
        }
    }
    std::sort(files.begin(), files.end());
    json docs = json::array();
    for (const auto& file : files) {
        const std::string text = read_file(file);
        const std::string title = first_heading(text);
        docs.push_back({{"id", file.filename().string()},
                        {"title", title.empty() ? json(nullptr) : json(title)},
                        {"body", text}});
    }
    return docs;
}

}  // namespace hindsight::test
