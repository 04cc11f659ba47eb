#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

// A hub's own file listing of a dataset repository, and the files of one split chosen from it (docs/DATASETS.md,
// "Hub downloads"). Pure parsing: the requests are HubResolver's (core/dataset/hubresolver.*). The listings come from
// outside, so every size, count and depth is bounded and every path is checked before it may name a cache file;
// fuzz_hublisting feeds these functions arbitrary bytes.
namespace tl::hublisting {

constexpr qsizetype kMaxPageBytes = 8 * 1024 * 1024; // one page of a listing
constexpr int kMaxEntries = 10000; // entries of all pages together (files and folders)
constexpr int kMaxPages = 100;
constexpr int kMaxPathChars = 1024;
constexpr int kMaxPathDepth = 16; // folders + the file name
constexpr int kMaxJsonDepth = 8; // the listings nest 3 (Hugging Face) or 4 (ModelScope) levels

struct Page {
    QStringList files; // paths of the files on the page that are safe relative paths
    int entries = 0; // entries on the page, files and folders (a short ModelScope page is the last)
    int skipped = 0; // entries that are not objects, have no string path, or a path that is not safe
};

// Hugging Face's repository tree, GET <endpoint>/api/datasets/<id>/tree/<revision>[/<path>]?recursive=true
// &expand=false: a JSON array of {"type": "file" | "directory", "path", "size", "oid", "lfs"?: {...}}, further pages
// named by a `Link: <url>; rel="next"` header (huggingface.js packages/hub/src/lib/list-files.ts,
// huggingface_hub HfApi.list_repo_tree). false + *error saying what is wrong with the body.
bool parseHuggingFace(QByteArrayView body, Page* page, QString* error);

// ModelScope's dataset repository tree, GET <endpoint>/api/v1/datasets/<dataset id>/repo/tree?Revision=master
// &Root=/&Recursive=True&PageNumber=N&PageSize=M: {"Code": 200, "Data": {"Files": [{"Name", "Path",
// "Type": "blob" | "tree", "Size", ...}]}, "Success": true, "Message": ...} (modelscope/hub/api.py,
// HubApi.get_dataset_files; "tree" entries are folders).
bool parseModelScope(QByteArrayView body, Page* page, QString* error);

// The id ModelScope's tree API takes, from GET <endpoint>/api/v1/datasets/<namespace>/<name>: {"Data": {"Id": N,
// ...}} (HubApi.get_dataset_id_and_type). A positive integer, or a string of at most 64 letters, digits, '-', '_';
// empty + *error otherwise.
QString parseModelScopeId(QByteArrayView body, QString* error);

// The URL of the rel="next" link in an HTTP Link header (RFC 8288); empty when there is none.
QString nextLink(QByteArrayView header);

// Whether `path` is a relative path that can name a file under a cache folder: '/'-separated, no empty, "." or ".."
// segment, no backslash, colon or control character, at most kMaxPathChars characters and kMaxPathDepth segments.
bool isSafePath(const QString& path);

// The Parquet files of `split` among `paths` (relative, '/'-separated), sorted, from the first of these layouts
// that has any (Hugging Face datasets' data_files conventions, datasets/data_files.py):
//  1. data/<split>-NNNNN-of-NNNNN*.parquet (what push_to_hub writes for the default configuration);
//  2. <config>/<split>-NNNNN-of-NNNNN*.parquet (push_to_hub's folder for another configuration; the first
//     configuration in sorted order when several have the split);
//  3. a folder named <split> anywhere: <split>/**.parquet, data/<split>/**.parquet, <config>/<split>/**.parquet;
//  4. a file name that starts with <split> followed by one of "-._ 0123456789" or the extension: test.parquet,
//     data/test_0.parquet.
// Paths with a segment starting with '.' or "__" (hidden files, caches) are never chosen, as the datasets library
// ignores them.
QStringList splitFiles(const QStringList& paths, const QString& split);

// The shard count a name carries ("data/tool-00003-of-00008.parquet" → 8); 0 when it carries none.
int shardCount(const QString& path);

} // namespace tl::hublisting
