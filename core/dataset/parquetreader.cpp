#include "dataset/parquetreader.h"

#include "dataset/parquetcodec.h"
#include "dataset/parquetthrift.h"

#include "util/tr.h"

#include <QBuffer>
#include <QFile>
#include <QtEndian>


#include <algorithm>
#include <cstring>

namespace tl {

namespace {

using nlohmann::json;
using namespace parquet;

// ---- Parquet metadata ----------------------------------------------------------------------------------------------

enum PhysicalType {
    kBoolean = 0,
    kInt32 = 1,
    kInt64 = 2,
    kInt96 = 3,
    kFloat = 4,
    kDoubleType = 5,
    kByteArray = 6,
    kFixed = 7
};
enum Repetition { kRequired = 0, kOptional = 1, kRepeated = 2 };
enum Codec { kUncompressed = 0, kSnappy = 1, kGzip = 2, kLzo = 3, kBrotli = 4, kLz4 = 5, kZstd = 6, kLz4Raw = 7 };
enum PageType { kDataPage = 0, kIndexPage = 1, kDictionaryPage = 2, kDataPageV2 = 3 };
enum Encoding { kPlain = 0, kPlainDictionary = 2, kRle = 3, kBitPacked = 4, kRleDictionary = 8 };

QString codecName(int codec)
{
    static const char* const names[] = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"};
    return codec >= 0 && codec < 8 ? QString::fromLatin1(names[codec]) : QString::number(codec);
}

QString encodingName(int encoding)
{
    static const char* const names[] = {"PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE", "BIT_PACKED",
        "DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "RLE_DICTIONARY", "BYTE_STREAM_SPLIT"};
    return encoding >= 0 && encoding < 10 ? QString::fromLatin1(names[encoding]) : QString::number(encoding);
}

struct SchemaNode {
    QString name;
    int type = -1; // physical type; -1 for a group
    int typeLength = 0;
    int repetition = kRequired;
    qint64 numChildren = 0;
    int converted = -1;
    int logical = -1; // the LogicalType union's field id
    std::vector<int> children;
    int maxDef = 0; // definition and repetition levels of this node
    int maxRep = 0;
    int firstLeaf = -1; // index into leaves
    std::vector<int> leaves; // the leaf columns under this node (itself for a leaf)
    int top = -1; // the top-level column it belongs to (a child of the root)
    bool string = false; // a BYTE_ARRAY read as text
    bool isList() const { return converted == 3 || logical == 3; }
    bool isMap() const { return converted == 1 || converted == 2 || logical == 2; }
};

struct ColumnMeta {
    int type = -1;
    int codec = 0;
    qint64 numValues = 0;
    qint64 compressedSize = 0;
    qint64 dataPageOffset = -1;
    qint64 dictionaryPageOffset = -1;
    QStringList path;
    bool external = false;
};

struct RowGroupMeta {
    qint64 numRows = 0;
    std::vector<ColumnMeta> columns;
};

struct PageHeader {
    int type = -1;
    qint64 uncompressedSize = -1;
    qint64 compressedSize = -1;
    qint64 numValues = -1;
    int encoding = -1;
    int defEncoding = kRle;
    int repEncoding = kRle;
    qint64 defLength = 0; // v2
    qint64 repLength = 0;
    bool compressed = true; // v2
};

// One leaf column of one row group, decoded.
struct ColumnData {
    std::vector<uchar> rep;
    std::vector<uchar> def;
    std::vector<json> values; // the defined values only
    size_t pos = 0;
    size_t valuePos = 0;
};

int bitWidth(int maxLevel)
{
    int w = 0;
    while ((1 << w) <= maxLevel)
        ++w;
    return w;
}

// Decodes `count` values of the RLE/bit-packed hybrid encoding of `width` bits from [p, end) into out (appended);
// false + *error when the data runs out or a value exceeds `maxValue`.
template <class T>
bool decodeHybrid(
    const uchar* p, const uchar* end, int width, qint64 count, quint64 maxValue, std::vector<T>* out, QString* error)
{
    if (width < 0 || width > 32) {
        *error = Tr::tr("bit width %1 is out of range").arg(width);
        return false;
    }
    const qint64 target = qint64(out->size()) + count;
    const qint64 valueBytes = (width + 7) / 8;
    while (qint64(out->size()) < target) {
        quint64 header = 0;
        int shift = 0;
        for (;;) {
            if (p >= end || shift > 63) {
                *error = Tr::tr("encoded values cut short");
                return false;
            }
            const uchar b = *p++;
            header |= quint64(b & 0x7f) << shift;
            shift += 7;
            if (!(b & 0x80))
                break;
        }
        const qint64 want = target - qint64(out->size());
        if (header & 1) { // bit-packed: groups of 8 values, `width` bytes per group
            const quint64 groups = header >> 1;
            if (width > 0 && groups > quint64(end - p) / quint64(width)) {
                *error = Tr::tr("encoded values cut short");
                return false;
            }
            const quint64 bytes = groups * quint64(width);
            const qint64 n = qint64(std::min<quint64>(groups * 8, quint64(want)));
            quint64 acc = 0;
            int bits = 0;
            const uchar* q = p;
            const quint64 mask = width == 32 ? 0xffffffffULL : ((1ULL << width) - 1);
            for (qint64 i = 0; i < n; ++i) {
                while (bits < width) {
                    acc |= quint64(*q++) << bits;
                    bits += 8;
                }
                const quint64 v = acc & mask;
                acc >>= width;
                bits -= width;
                if (v > maxValue) {
                    *error = Tr::tr("an encoded value is out of range");
                    return false;
                }
                out->push_back(T(v));
            }
            p += bytes;
        } else { // a run of one value
            const quint64 run = header >> 1;
            if (valueBytes > end - p) {
                *error = Tr::tr("encoded values cut short");
                return false;
            }
            quint64 v = 0;
            for (qint64 i = 0; i < valueBytes; ++i)
                v |= quint64(p[i]) << (8 * i);
            p += valueBytes;
            if (v > maxValue) {
                *error = Tr::tr("an encoded value is out of range");
                return false;
            }
            out->insert(out->end(), size_t(std::min<quint64>(run, quint64(want))), T(v));
        }
    }
    return true;
}

json textValue(const char* data, qsizetype size)
{
    const QByteArrayView view(data, size);
    if (view.isValidUtf8())
        return json(std::string(data, size_t(size)));
    return json(QString::fromUtf8(view).toStdString()); // invalid sequences become U+FFFD
}

json binaryValue(const char* data, qsizetype size)
{
    const auto* p = reinterpret_cast<const uint8_t*>(data);
    return json::binary(std::vector<uint8_t>(p, p + size));
}

// `count` PLAIN-encoded values of `node`'s type from [p, end); *budget is charged for byte arrays.
bool decodePlain(const SchemaNode& node, const char* p, const char* end, qint64 count, std::vector<json>* out,
    qint64* budget, QString* error)
{
    const qint64 size = end - p;
    auto need = [&](qint64 width) {
        if (count > size / width) {
            *error = Tr::tr("a page holds fewer values than it says");
            return false;
        }
        return true;
    };
    switch (node.type) {
    case kBoolean:
        if (count > size * 8) {
            *error = Tr::tr("a page holds fewer values than it says");
            return false;
        }
        for (qint64 i = 0; i < count; ++i)
            out->push_back(json(bool((uchar(p[i / 8]) >> (i % 8)) & 1)));
        return true;
    case kInt32:
        if (!need(4))
            return false;
        for (qint64 i = 0; i < count; ++i)
            out->push_back(json(qFromLittleEndian<qint32>(p + 4 * i)));
        return true;
    case kInt64:
        if (!need(8))
            return false;
        for (qint64 i = 0; i < count; ++i)
            out->push_back(json(qFromLittleEndian<qint64>(p + 8 * i)));
        return true;
    case kFloat:
        if (!need(4))
            return false;
        for (qint64 i = 0; i < count; ++i) {
            float f;
            const quint32 bits = qFromLittleEndian<quint32>(p + 4 * i);
            std::memcpy(&f, &bits, 4);
            out->push_back(json(double(f)));
        }
        return true;
    case kDoubleType:
        if (!need(8))
            return false;
        for (qint64 i = 0; i < count; ++i) {
            double d;
            const quint64 bits = qFromLittleEndian<quint64>(p + 8 * i);
            std::memcpy(&d, &bits, 8);
            out->push_back(json(d));
        }
        return true;
    case kInt96:
    case kFixed: {
        const qint64 width = node.type == kInt96 ? 12 : node.typeLength;
        if (width <= 0) {
            *error = Tr::tr("column '%1' has a fixed length of %2").arg(node.name).arg(width);
            return false;
        }
        if (!need(width))
            return false;
        for (qint64 i = 0; i < count; ++i)
            out->push_back(binaryValue(p + width * i, width));
        return true;
    }
    case kByteArray: {
        if (!need(4))
            return false;
        for (qint64 i = 0; i < count; ++i) {
            if (end - p < 4) {
                *error = Tr::tr("a page holds fewer values than it says");
                return false;
            }
            const quint32 n = qFromLittleEndian<quint32>(p);
            p += 4;
            if (n > quint64(end - p)) {
                *error = Tr::tr("a value runs past the end of its page");
                return false;
            }
            out->push_back(node.string ? textValue(p, n) : binaryValue(p, n));
            p += n;
        }
        (void)budget; // PLAIN values are no larger than the page already charged
        return true;
    }
    default:
        *error = Tr::tr("column '%1' has the unknown physical type %2").arg(node.name).arg(node.type);
        return false;
    }
}

qint64 valueBytes(const json& v)
{
    if (v.is_string())
        return qint64(v.get_ref<const std::string&>().size()) + 16;
    if (v.is_binary())
        return qint64(v.get_binary().size()) + 16;
    return 16;
}

} // namespace

// ---- the reader ----------------------------------------------------------------------------------------------------

struct ParquetReader::Impl {
    std::unique_ptr<QIODevice> device;
    QString name;
    qint64 dataEnd = 0; // where the footer starts
    qint64 numRows = 0;
    std::vector<SchemaNode> nodes; // nodes[0] is the root
    std::vector<int> leaves; // node index of each leaf column, in column order
    std::vector<RowGroupMeta> rowGroups;
    std::vector<bool> selectedTop; // per child of the root
    // next()
    int nextGroup = 0;
    std::vector<json> rows;
    size_t rowPos = 0;
    // assembly of one row group
    std::vector<ColumnData> columns; // per leaf (only selected ones filled)
    QString assemblyError;

    QString fileError(const QString& what) const
    {
        return Tr::tr("'%1' is not a readable Parquet file: %2").arg(name, what);
    }

    bool parseFooter(const QByteArray& footer, QString* what);
    bool parseSchemaElement(Thrift& t, SchemaNode* node);
    bool parseRowGroup(Thrift& t, RowGroupMeta* group);
    bool buildTree(QString* what);
    bool readColumn(const RowGroupMeta& group, int leaf, ColumnData* out, qint64* budget, QString* what);
    bool decompress(int codec, const QByteArray& in, qint64 size, QByteArray* out, QString* what) const;

    ColumnData& column(int node) { return columns[size_t(nodes[size_t(node)].firstLeaf)]; }
    void failAssembly(const QString& what)
    {
        if (assemblyError.isEmpty())
            assemblyError = what;
    }
    bool peek(int node, ColumnData** c)
    {
        *c = &column(node);
        if ((*c)->pos >= (*c)->def.size()) {
            failAssembly(Tr::tr("column '%1' ends before the row group's last row").arg(nodes[size_t(node)].name));
            return false;
        }
        return true;
    }
    void consumeOne(int node);
    json field(int node);
    json list(int node);
    json defined(int node);
};

ParquetReader::ParquetReader()
    : d(std::make_unique<Impl>())
{
}

ParquetReader::~ParquetReader() = default;

bool ParquetReader::looksLikeParquet(const QByteArray& head)
{
    return head.startsWith("PAR1");
}

bool ParquetReader::open(const QString& path, QString* error)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        *error = Tr::tr("cannot read '%1': %2").arg(path, file->errorString());
        return false;
    }
    return openDevice(std::move(file), path, error);
}

bool ParquetReader::openData(const QByteArray& data, const QString& name, QString* error)
{
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    return openDevice(std::move(buffer), name, error);
}

bool ParquetReader::openDevice(std::unique_ptr<QIODevice> device, const QString& name, QString* error)
{
    d = std::make_unique<Impl>();
    d->device = std::move(device);
    d->name = name;
    const qint64 size = d->device->size();
    if (size < 12) {
        *error = d->fileError(Tr::tr("it is %1 bytes long").arg(size));
        return false;
    }
    const QByteArray head = d->device->read(4);
    d->device->seek(size - 8);
    const QByteArray tail = d->device->read(8);
    if (head != "PAR1" || tail.size() != 8) {
        *error = d->fileError(Tr::tr("it does not start with PAR1"));
        return false;
    }
    if (tail.endsWith("PARE")) {
        *error = d->fileError(Tr::tr("it is encrypted"));
        return false;
    }
    if (!tail.endsWith("PAR1")) {
        *error = d->fileError(Tr::tr("it does not end with PAR1 (cut short?)"));
        return false;
    }
    const qint64 footerLength = qFromLittleEndian<quint32>(tail.constData());
    if (footerLength > size - 12 || footerLength > kMaxFooterBytes) {
        *error
            = d->fileError(Tr::tr("its footer says %1 bytes, more than the file holds (cut short?)").arg(footerLength));
        return false;
    }
    d->dataEnd = size - 8 - footerLength;
    d->device->seek(d->dataEnd);
    const QByteArray footer = d->device->read(footerLength);
    QString what;
    if (footer.size() != footerLength || !d->parseFooter(footer, &what) || !d->buildTree(&what)) {
        *error = d->fileError(what.isEmpty() ? Tr::tr("cannot read its footer") : what);
        return false;
    }
    d->selectedTop.assign(d->nodes.front().children.size(), true);
    return true;
}

bool ParquetReader::Impl::parseSchemaElement(Thrift& t, SchemaNode* node)
{
    t.structure([&](qint32 id, int type) {
        switch (id) {
        case 1:
            node->type = int(t.integer(type));
            return true;
        case 2:
            node->typeLength = int(std::clamp<qint64>(t.integer(type), -1, 1 << 30));
            return true;
        case 3:
            node->repetition = int(t.integer(type));
            return true;
        case 4:
            node->name = QString::fromUtf8(t.binary(type));
            return true;
        case 5:
            node->numChildren = t.integer(type);
            return true;
        case 6:
            node->converted = int(t.integer(type));
            return true;
        case 10:
            if (type != kStruct)
                return false;
            t.structure([&](qint32 kind, int) {
                node->logical = kind;
                return false;
            });
            return true;
        default:
            return false;
        }
    });
    return !t.failed();
}

bool ParquetReader::Impl::parseRowGroup(Thrift& t, RowGroupMeta* group)
{
    t.structure([&](qint32 id, int type) {
        if (id == 3) {
            group->numRows = t.integer(type);
            return true;
        }
        if (id != 1)
            return false;
        t.list(type, [&](int elementType) {
            if (elementType != kStruct) {
                t.fail(Tr::tr("a column chunk is not a struct"));
                return;
            }
            ColumnMeta column;
            t.structure([&](qint32 cid, int ctype) {
                if (cid == 1) { // file_path: the chunk lives in another file
                    t.binary(ctype);
                    column.external = true;
                    return true;
                }
                if (cid != 3 || ctype != kStruct)
                    return false;
                t.structure([&](qint32 mid, int mtype) {
                    switch (mid) {
                    case 1:
                        column.type = int(t.integer(mtype));
                        return true;
                    case 3:
                        t.list(mtype, [&](int et) { column.path.append(QString::fromUtf8(t.binary(et))); });
                        return true;
                    case 4:
                        column.codec = int(t.integer(mtype));
                        return true;
                    case 5:
                        column.numValues = t.integer(mtype);
                        return true;
                    case 7:
                        column.compressedSize = t.integer(mtype);
                        return true;
                    case 9:
                        column.dataPageOffset = t.integer(mtype);
                        return true;
                    case 11:
                        column.dictionaryPageOffset = t.integer(mtype);
                        return true;
                    default:
                        return false;
                    }
                });
                return true;
            });
            group->columns.push_back(std::move(column));
        });
        return true;
    });
    return !t.failed();
}

bool ParquetReader::Impl::parseFooter(const QByteArray& footer, QString* what)
{
    Thrift t(footer.constData(), footer.size());
    bool sawSchema = false;
    t.structure([&](qint32 id, int type) {
        switch (id) {
        case 2:
            sawSchema = true;
            t.list(type, [&](int elementType) {
                if (elementType != kStruct || nodes.size() >= size_t(kMaxSchemaElements)) {
                    t.fail(Tr::tr("its schema is malformed or has more than %1 elements").arg(kMaxSchemaElements));
                    return;
                }
                SchemaNode node;
                parseSchemaElement(t, &node);
                nodes.push_back(std::move(node));
            });
            return true;
        case 3:
            numRows = t.integer(type);
            return true;
        case 4:
            t.list(type, [&](int elementType) {
                if (elementType != kStruct) {
                    t.fail(Tr::tr("a row group is not a struct"));
                    return;
                }
                RowGroupMeta group;
                parseRowGroup(t, &group);
                rowGroups.push_back(std::move(group));
            });
            return true;
        default:
            return false;
        }
    });
    if (t.failed()) {
        *what = Tr::tr("its footer is malformed (%1)").arg(t.error());
        return false;
    }
    if (!sawSchema || nodes.empty()) {
        *what = Tr::tr("its footer has no schema");
        return false;
    }
    return true;
}

bool ParquetReader::Impl::buildTree(QString* what)
{
    // The schema is a depth-first list: each group is followed by its num_children subtrees.
    struct Frame {
        int node;
        qint64 left; // children still to attach
        int depth;
    };
    SchemaNode& root = nodes.front();
    if (root.numChildren <= 0 || root.numChildren >= qint64(nodes.size())) {
        *what = Tr::tr("its schema's root has %1 columns for %2 elements").arg(root.numChildren).arg(nodes.size() - 1);
        return false;
    }
    std::vector<Frame> stack{{0, root.numChildren, 0}};
    for (size_t i = 1; i < nodes.size(); ++i) {
        while (!stack.empty() && stack.back().left == 0)
            stack.pop_back();
        if (stack.empty()) {
            *what = Tr::tr("its schema has elements outside the root");
            return false;
        }
        Frame& parentFrame = stack.back();
        --parentFrame.left;
        const int parent = parentFrame.node;
        const int depth = parentFrame.depth + 1;
        SchemaNode& n = nodes[i];
        const SchemaNode& p = nodes[size_t(parent)];
        nodes[size_t(parent)].children.push_back(int(i));
        if (n.repetition < kRequired || n.repetition > kRepeated) {
            *what = Tr::tr("column '%1' has an unknown repetition").arg(n.name);
            return false;
        }
        n.maxDef = p.maxDef + (n.repetition != kRequired ? 1 : 0);
        n.maxRep = p.maxRep + (n.repetition == kRepeated ? 1 : 0);
        n.top = parent == 0 ? int(i) : p.top;
        if (depth > kMaxSchemaDepth) {
            *what = Tr::tr("its schema nests deeper than %1 levels").arg(kMaxSchemaDepth);
            return false;
        }
        if (n.numChildren > 0) {
            if (n.numChildren >= qint64(nodes.size())) {
                *what = Tr::tr("group '%1' has more children than the schema has elements").arg(n.name);
                return false;
            }
            stack.push_back({int(i), n.numChildren, depth});
        } else {
            if (n.type < kBoolean || n.type > kFixed) {
                *what = Tr::tr("column '%1' has no physical type").arg(n.name);
                return false;
            }
            n.string = n.type == kByteArray
                && (n.converted == 0 || n.converted == 4 || n.converted == 19 || n.logical == 1 || n.logical == 4
                    || n.logical == 12);
            leaves.push_back(int(i));
        }
    }
    for (const Frame& f : stack) {
        if (f.left != 0) {
            *what = Tr::tr("its schema ends inside group '%1'").arg(nodes[size_t(f.node)].name);
            return false;
        }
    }
    // Leaves under each node, bottom-up (children always follow their parent).
    for (size_t l = 0; l < leaves.size(); ++l)
        nodes[size_t(leaves[l])].leaves.push_back(int(l));
    for (size_t i = nodes.size(); i-- > 0;) {
        SchemaNode& n = nodes[i];
        for (const int c : n.children) {
            const auto& cl = nodes[size_t(c)].leaves;
            n.leaves.insert(n.leaves.end(), cl.begin(), cl.end());
        }
        if (n.leaves.empty()) {
            *what = Tr::tr("group '%1' has no columns").arg(n.name);
            return false;
        }
        n.firstLeaf = n.leaves.front();
    }
    for (size_t g = 0; g < rowGroups.size(); ++g) {
        const RowGroupMeta& group = rowGroups[g];
        if (group.columns.size() != leaves.size()) {
            *what = Tr::tr("row group %1 has %2 columns where the schema has %3")
                        .arg(g)
                        .arg(group.columns.size())
                        .arg(leaves.size());
            return false;
        }
        if (group.numRows < 0) {
            *what = Tr::tr("row group %1 has a negative row count").arg(g);
            return false;
        }
    }
    return true;
}

QStringList ParquetReader::columns() const
{
    QStringList out;
    if (d->nodes.empty())
        return out;
    for (const int c : d->nodes.front().children)
        out.append(d->nodes[size_t(c)].name);
    return out;
}

void ParquetReader::select(const QStringList& columns)
{
    if (d->nodes.empty())
        return;
    const auto& top = d->nodes.front().children;
    for (size_t i = 0; i < top.size(); ++i)
        d->selectedTop[i] = columns.isEmpty() || columns.contains(d->nodes[size_t(top[i])].name);
}

qint64 ParquetReader::rowCount() const
{
    return d->numRows;
}

int ParquetReader::rowGroupCount() const
{
    return int(d->rowGroups.size());
}

bool ParquetReader::Impl::decompress(int codec, const QByteArray& in, qint64 size, QByteArray* out, QString* what) const
{
    switch (codec) {
    case kUncompressed:
        if (in.size() != size) {
            *what = Tr::tr("an uncompressed page is %1 bytes where its header says %2").arg(in.size()).arg(size);
            return false;
        }
        *out = in;
        return true;
    case kSnappy:
        return parquetcodec::snappyDecompress(in, size, out, what);
    case kGzip:
        return parquetcodec::gzipDecompress(in, size, out, what);
    case kZstd:
        return parquetcodec::zstdDecompress(in, size, out, what);
    default:
        *what
            = Tr::tr("compression %1 is not supported (UNCOMPRESSED, SNAPPY, GZIP and ZSTD are)").arg(codecName(codec));
        return false;
    }
}

namespace {

bool parsePageHeader(Thrift& t, PageHeader* h)
{
    t.structure([&](qint32 id, int type) {
        switch (id) {
        case 1:
            h->type = int(t.integer(type));
            return true;
        case 2:
            h->uncompressedSize = t.integer(type);
            return true;
        case 3:
            h->compressedSize = t.integer(type);
            return true;
        case 5: // DataPageHeader
        case 7: // DictionaryPageHeader
            if (type != kStruct)
                return false;
            t.structure([&](qint32 fid, int ftype) {
                switch (fid) {
                case 1:
                    h->numValues = t.integer(ftype);
                    return true;
                case 2:
                    h->encoding = int(t.integer(ftype));
                    return true;
                case 3:
                    if (id == 7)
                        return false; // is_sorted
                    h->defEncoding = int(t.integer(ftype));
                    return true;
                case 4:
                    h->repEncoding = int(t.integer(ftype));
                    return true;
                default:
                    return false;
                }
            });
            return true;
        case 8: // DataPageHeaderV2
            if (type != kStruct)
                return false;
            t.structure([&](qint32 fid, int ftype) {
                switch (fid) {
                case 1:
                    h->numValues = t.integer(ftype);
                    return true;
                case 4:
                    h->encoding = int(t.integer(ftype));
                    return true;
                case 5:
                    h->defLength = t.integer(ftype);
                    return true;
                case 6:
                    h->repLength = t.integer(ftype);
                    return true;
                case 7:
                    h->compressed = t.boolean(ftype);
                    return true;
                default:
                    return false;
                }
            });
            return true;
        default:
            return false;
        }
    });
    return !t.failed();
}

} // namespace

bool ParquetReader::Impl::readColumn(
    const RowGroupMeta& group, int leaf, ColumnData* out, qint64* budget, QString* what)
{
    const SchemaNode& node = nodes[size_t(leaves[size_t(leaf)])];
    const ColumnMeta& meta = group.columns[size_t(leaf)];
    if (meta.external) {
        *what = Tr::tr("its data is in another file");
        return false;
    }
    if (meta.type != node.type) {
        *what = Tr::tr("its chunk's type %1 differs from the schema's %2").arg(meta.type).arg(node.type);
        return false;
    }
    if (meta.numValues < 0 || meta.numValues > kMaxValuesPerColumn) {
        *what = Tr::tr("it has %1 values in one row group (at most %2 are read)")
                    .arg(meta.numValues)
                    .arg(kMaxValuesPerColumn);
        return false;
    }
    qint64 start = meta.dataPageOffset;
    if (meta.dictionaryPageOffset > 0 && meta.dictionaryPageOffset < start)
        start = meta.dictionaryPageOffset;
    if (start < 4 || meta.compressedSize < 0 || meta.compressedSize > dataEnd - start) {
        *what = Tr::tr("its chunk (offset %1, %2 bytes) lies outside the file's data")
                    .arg(start)
                    .arg(meta.compressedSize);
        return false;
    }
    if (!device->seek(start)) {
        *what = device->errorString();
        return false;
    }
    const QByteArray chunk = device->read(meta.compressedSize);
    if (chunk.size() != meta.compressedSize) {
        *what = Tr::tr("its chunk cannot be read (cut short?)");
        return false;
    }
    const int defWidth = bitWidth(node.maxDef);
    const int repWidth = bitWidth(node.maxRep);
    std::vector<json> dictionary;
    bool haveDictionary = false;
    qint64 seen = 0;
    qsizetype pos = 0;
    // Reserved for the count the chunk says, but no more than its bytes could plainly hold: a lying count costs
    // nothing.
    out->rep.reserve(size_t(std::min<qint64>(meta.numValues, chunk.size())));
    out->def.reserve(size_t(std::min<qint64>(meta.numValues, chunk.size())));
    while (seen < meta.numValues) {
        if (pos >= chunk.size()) {
            *what = Tr::tr("its chunk ends after %1 of its %2 values").arg(seen).arg(meta.numValues);
            return false;
        }
        Thrift t(chunk.constData() + pos, chunk.size() - pos);
        PageHeader h;
        if (!parsePageHeader(t, &h)) {
            *what = Tr::tr("a page header is malformed (%1)").arg(t.error());
            return false;
        }
        pos += t.consumed();
        if (h.compressedSize < 0 || h.compressedSize > chunk.size() - pos) {
            *what = Tr::tr("a page runs past the end of its chunk");
            return false;
        }
        if (h.uncompressedSize < 0 || h.uncompressedSize > kMaxPageBytes) {
            *what = Tr::tr("a page says it is %1 bytes decompressed (at most %2 are read)")
                        .arg(h.uncompressedSize)
                        .arg(kMaxPageBytes);
            return false;
        }
        const QByteArray raw = chunk.mid(pos, qsizetype(h.compressedSize));
        pos += qsizetype(h.compressedSize);
        if (h.type != kDataPage && h.type != kDataPageV2 && h.type != kDictionaryPage)
            continue; // index pages and unknown kinds
        *budget -= h.uncompressedSize;
        if (*budget < 0) {
            *what = Tr::tr("one row group is larger than %1 MiB decompressed").arg(kMaxRowGroupBytes >> 20);
            return false;
        }
        if (h.type == kDictionaryPage) {
            if (h.numValues < 0 || h.numValues > kMaxValuesPerColumn) {
                *what = Tr::tr("its dictionary has %1 values").arg(h.numValues);
                return false;
            }
            QByteArray page;
            if (!decompress(meta.codec, raw, h.uncompressedSize, &page, what))
                return false;
            dictionary.clear();
            if (!decodePlain(
                    node, page.constData(), page.constData() + page.size(), h.numValues, &dictionary, budget, what))
                return false;
            haveDictionary = true;
            continue;
        }
        if (h.numValues < 0 || h.numValues > meta.numValues - seen) {
            *what = Tr::tr("its pages hold more values than its chunk says (%1)").arg(meta.numValues);
            return false;
        }
        const qint64 n = h.numValues;
        QByteArray page; // levels and values (v1), values only (v2)
        const char* p = nullptr;
        const char* end = nullptr;
        const size_t levelsBefore = out->def.size();
        if (h.type == kDataPage) {
            if (!decompress(meta.codec, raw, h.uncompressedSize, &page, what))
                return false;
            p = page.constData();
            end = p + page.size();
            for (int level = 0; level < 2; ++level) { // repetition, then definition levels
                const bool isRep = level == 0;
                const int maxLevel = isRep ? node.maxRep : node.maxDef;
                std::vector<uchar>& levels = isRep ? out->rep : out->def;
                if (maxLevel == 0) {
                    levels.insert(levels.end(), size_t(n), uchar(0));
                    continue;
                }
                if ((isRep ? h.repEncoding : h.defEncoding) != kRle) {
                    *what = Tr::tr("levels encoded as %1 are not supported")
                                .arg(encodingName(isRep ? h.repEncoding : h.defEncoding));
                    return false;
                }
                if (end - p < 4) {
                    *what = Tr::tr("a page's levels are cut short");
                    return false;
                }
                const quint32 length = qFromLittleEndian<quint32>(p);
                p += 4;
                if (length > quint64(end - p)) {
                    *what = Tr::tr("a page's levels run past its end");
                    return false;
                }
                const auto* lp = reinterpret_cast<const uchar*>(p);
                if (!decodeHybrid(lp, lp + length, isRep ? repWidth : defWidth, n, quint64(maxLevel), &levels, what))
                    return false;
                p += length;
            }
        } else { // v2: levels uncompressed in front of the (maybe compressed) values
            if (h.repLength < 0 || h.defLength < 0 || h.repLength > raw.size()
                || h.defLength > raw.size() - h.repLength) {
                *what = Tr::tr("a page's level lengths run past its end");
                return false;
            }
            const auto* rp = reinterpret_cast<const uchar*>(raw.constData());
            if (node.maxRep == 0)
                out->rep.insert(out->rep.end(), size_t(n), uchar(0));
            else if (!decodeHybrid(rp, rp + h.repLength, repWidth, n, quint64(node.maxRep), &out->rep, what))
                return false;
            const uchar* dp = rp + h.repLength;
            if (node.maxDef == 0)
                out->def.insert(out->def.end(), size_t(n), uchar(0));
            else if (!decodeHybrid(dp, dp + h.defLength, defWidth, n, quint64(node.maxDef), &out->def, what))
                return false;
            const QByteArray values = raw.mid(qsizetype(h.repLength + h.defLength));
            const qint64 valuesSize = h.uncompressedSize - h.repLength - h.defLength;
            if (h.compressed && meta.codec != kUncompressed) {
                if (valuesSize < 0 || !decompress(meta.codec, values, valuesSize, &page, what)) {
                    if (valuesSize < 0)
                        *what = Tr::tr("a page's sizes disagree");
                    return false;
                }
            } else {
                page = values;
            }
            p = page.constData();
            end = p + page.size();
        }
        qint64 present = 0;
        for (size_t i = levelsBefore; i < out->def.size(); ++i)
            present += out->def[i] == node.maxDef ? 1 : 0;
        switch (h.encoding) {
        case kPlain:
            if (!decodePlain(node, p, end, present, &out->values, budget, what))
                return false;
            break;
        case kPlainDictionary:
        case kRleDictionary: {
            if (!haveDictionary) {
                *what = Tr::tr("a dictionary-encoded page comes without a dictionary");
                return false;
            }
            if (present == 0)
                break;
            if (end - p < 1) {
                *what = Tr::tr("a page's dictionary indices are cut short");
                return false;
            }
            const int width = uchar(*p++);
            std::vector<quint32> indices;
            indices.reserve(size_t(present));
            if (dictionary.empty()) {
                *what = Tr::tr("a page refers to an empty dictionary");
                return false;
            }
            const auto* ip = reinterpret_cast<const uchar*>(p);
            if (!decodeHybrid(ip, reinterpret_cast<const uchar*>(end), width, present, quint64(dictionary.size() - 1),
                    &indices, what))
                return false;
            for (const quint32 index : indices) {
                *budget -= valueBytes(dictionary[index]);
                if (*budget < 0) {
                    *what = Tr::tr("one row group is larger than %1 MiB decompressed").arg(kMaxRowGroupBytes >> 20);
                    return false;
                }
                out->values.push_back(dictionary[index]);
            }
            break;
        }
        case kRle: {
            if (node.type != kBoolean) {
                *what = Tr::tr("RLE values are only read for booleans");
                return false;
            }
            if (end - p < 4) {
                *what = Tr::tr("a page's values are cut short");
                return false;
            }
            const quint32 length = qFromLittleEndian<quint32>(p);
            p += 4;
            if (length > quint64(end - p)) {
                *what = Tr::tr("a page's values run past its end");
                return false;
            }
            std::vector<uchar> bits;
            const auto* bp = reinterpret_cast<const uchar*>(p);
            if (!decodeHybrid(bp, bp + length, 1, present, 1, &bits, what))
                return false;
            for (const uchar b : bits)
                out->values.push_back(json(b != 0));
            break;
        }
        default:
            *what = Tr::tr("values encoded as %1 are not supported (PLAIN and dictionary encodings are)")
                        .arg(encodingName(h.encoding));
            return false;
        }
        seen += n;
    }
    return true;
}

void ParquetReader::Impl::consumeOne(int node)
{
    for (const int leaf : nodes[size_t(node)].leaves) {
        ColumnData& c = columns[size_t(leaf)];
        if (c.pos >= c.def.size()) {
            failAssembly(Tr::tr("its columns disagree on the number of values"));
            return;
        }
        if (c.def[c.pos] == nodes[size_t(leaves[size_t(leaf)])].maxDef)
            ++c.valuePos; // not expected under a null; keeps the values aligned anyway
        ++c.pos;
    }
}

json ParquetReader::Impl::field(int node)
{
    const SchemaNode& n = nodes[size_t(node)];
    if (n.repetition == kRepeated)
        return list(node);
    ColumnData* c = nullptr;
    if (!peek(node, &c))
        return nullptr;
    if (c->def[c->pos] < n.maxDef) {
        consumeOne(node);
        return nullptr;
    }
    return defined(node);
}

json ParquetReader::Impl::list(int node)
{
    const SchemaNode& n = nodes[size_t(node)];
    ColumnData* c = nullptr;
    if (!peek(node, &c))
        return json::array();
    if (c->def[c->pos] < n.maxDef) {
        consumeOne(node);
        return json::array();
    }
    json out = json::array();
    for (;;) {
        const size_t before = c->pos;
        out.push_back(defined(node));
        if (!assemblyError.isEmpty() || c->pos == before)
            break;
        if (c->pos >= c->def.size() || c->rep[c->pos] != n.maxRep)
            break;
    }
    return out;
}

json ParquetReader::Impl::defined(int node)
{
    const SchemaNode& n = nodes[size_t(node)];
    if (n.children.empty()) {
        ColumnData& c = columns[size_t(n.firstLeaf)];
        if (c.pos >= c.def.size()) {
            failAssembly(Tr::tr("column '%1' ends before the row group's last row").arg(n.name));
            return nullptr;
        }
        json v;
        if (c.def[c.pos] == n.maxDef) {
            if (c.valuePos >= c.values.size()) {
                failAssembly(Tr::tr("column '%1' has fewer values than its levels say").arg(n.name));
                return nullptr;
            }
            v = std::move(c.values[c.valuePos++]);
        }
        ++c.pos;
        return v;
    }
    if ((n.isList() || n.isMap()) && n.children.size() == 1 && nodes[size_t(n.children[0])].repetition == kRepeated) {
        const int r = n.children[0];
        json items = list(r);
        const SchemaNode& rn = nodes[size_t(r)];
        // The 3-level LIST (a repeated group of one `element`) unwraps to its elements; the legacy 2-level forms (a
        // repeated group named "array" or "<list>_tuple", or of several fields) keep the group as the element.
        const bool threeLevel = n.isList() && rn.children.size() == 1 && rn.name != u"array"
            && rn.name != n.name + QStringLiteral("_tuple");
        if (threeLevel) {
            const std::string child = nodes[size_t(rn.children[0])].name.toStdString();
            for (json& item : items) {
                json element = item.is_object() && item.contains(child) ? std::move(item[child]) : json();
                item = std::move(element);
            }
        }
        return items;
    }
    json out = json::object();
    for (const int child : n.children) {
        out[nodes[size_t(child)].name.toStdString()] = field(child);
        if (!assemblyError.isEmpty())
            break;
    }
    return out;
}

bool ParquetReader::readRowGroup(int index, std::vector<nlohmann::json>* rows, QString* error)
{
    rows->clear();
    if (index < 0 || index >= rowGroupCount()) {
        *error = Tr::tr("'%1' has no row group %2").arg(d->name).arg(index);
        return false;
    }
    const RowGroupMeta& group = d->rowGroups[size_t(index)];
    const SchemaNode& root = d->nodes.front();
    d->columns.assign(d->leaves.size(), ColumnData{});
    d->assemblyError.clear();
    qint64 budget = kMaxRowGroupBytes;
    std::vector<int> tops;
    for (size_t i = 0; i < root.children.size(); ++i) {
        if (!d->selectedTop[i])
            continue;
        const int top = root.children[i];
        tops.push_back(top);
        for (const int leaf : d->nodes[size_t(top)].leaves) {
            QString what;
            if (!d->readColumn(group, leaf, &d->columns[size_t(leaf)], &budget, &what)) {
                const SchemaNode& ln = d->nodes[size_t(d->leaves[size_t(leaf)])];
                *error = Tr::tr("'%1' is not a readable Parquet file: row group %2, column '%3': %4")
                             .arg(d->name)
                             .arg(index)
                             .arg(d->nodes[size_t(ln.top)].name == ln.name
                                     ? ln.name
                                     : d->nodes[size_t(ln.top)].name + u'.' + ln.name)
                             .arg(what);
                d->columns.clear();
                return false;
            }
        }
    }
    if (group.numRows > kMaxValuesPerColumn) {
        *error = d->fileError(Tr::tr("row group %1 has %2 rows").arg(index).arg(group.numRows));
        return false;
    }
    rows->reserve(
        size_t(std::min<qint64>(group.numRows, tops.empty() ? 0 : qint64(d->column(tops.front()).def.size()))));
    if (tops.empty()) {
        *error = d->fileError(Tr::tr("none of the columns asked for is in it"));
        return false;
    }
    for (qint64 r = 0; r < group.numRows && d->assemblyError.isEmpty(); ++r) {
        json row = json::object();
        for (const int top : tops) {
            ColumnData& first = d->column(top);
            if (first.pos < first.rep.size() && first.rep[first.pos] != 0) {
                d->failAssembly(Tr::tr("row %1 does not start a record").arg(r));
                break;
            }
            row[d->nodes[size_t(top)].name.toStdString()] = d->field(top);
            if (!d->assemblyError.isEmpty())
                break;
        }
        rows->push_back(std::move(row));
    }
    if (d->assemblyError.isEmpty()) {
        for (const int top : tops) {
            for (const int leaf : d->nodes[size_t(top)].leaves) {
                const ColumnData& c = d->columns[size_t(leaf)];
                if (c.pos != c.def.size() || c.valuePos != c.values.size()) {
                    d->failAssembly(Tr::tr("column '%1' holds more values than the row group's %2 rows")
                                        .arg(d->nodes[size_t(d->leaves[size_t(leaf)])].name)
                                        .arg(group.numRows));
                    break;
                }
            }
        }
    }
    d->columns.clear();
    if (!d->assemblyError.isEmpty()) {
        *error = d->fileError(Tr::tr("row group %1: %2").arg(index).arg(d->assemblyError));
        rows->clear();
        return false;
    }
    return true;
}

std::optional<nlohmann::json> ParquetReader::next(QString* error)
{
    error->clear();
    while (d->rowPos >= d->rows.size()) {
        if (d->nextGroup >= rowGroupCount())
            return std::nullopt;
        d->rowPos = 0;
        if (!readRowGroup(d->nextGroup++, &d->rows, error)) {
            d->nextGroup = rowGroupCount();
            return std::nullopt;
        }
    }
    return std::move(d->rows[d->rowPos++]);
}

} // namespace tl
