#pragma once

// Thrift's compact protocol, bounded, as the Parquet reader reads its footer and page headers with it
// (dataset/parquetreader.cpp). Internal to the reader; header-only.

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include "util/tr.h"

#include <cstring>

namespace tl::parquet {

// ---- Thrift compact protocol ---------------------------------------------------------------------------------------

enum CompactType {
    kStop = 0,
    kTrue = 1,
    kFalse = 2,
    kByte = 3,
    kI16 = 4,
    kI32 = 5,
    kI64 = 6,
    kDouble = 7,
    kBinary = 8,
    kList = 9,
    kSet = 10,
    kMap = 11,
    kStruct = 12,
};

constexpr int kMaxThriftDepth = 64;

// A bounded reader of Thrift's compact protocol over bytes in memory. The first error stops it (every later read
// returns zero values); callers check failed() once at the end.
class Thrift {
public:
    Thrift(const char* data, qsizetype size)
        : m_begin(reinterpret_cast<const uchar*>(data))
        , m_p(m_begin)
        , m_end(m_begin + size)
    {
    }

    bool failed() const { return !m_error.isEmpty(); }
    const QString& error() const { return m_error; }
    qsizetype consumed() const { return m_p - m_begin; }
    qsizetype remaining() const { return m_end - m_p; }

    void fail(const QString& what)
    {
        if (m_error.isEmpty())
            m_error = what;
        m_p = m_end;
    }

    quint64 varint()
    {
        quint64 v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p >= m_end) {
                fail(Tr::tr("metadata cut short"));
                return 0;
            }
            const uchar b = *m_p++;
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        fail(Tr::tr("a number in the metadata is too long"));
        return 0;
    }
    qint64 zigzag()
    {
        const quint64 v = varint();
        return qint64(v >> 1) ^ -qint64(v & 1);
    }
    // An integer field of any integer type.
    qint64 integer(int type)
    {
        switch (type) {
        case kByte:
            if (m_p >= m_end) {
                fail(Tr::tr("metadata cut short"));
                return 0;
            }
            return qint8(*m_p++);
        case kI16:
        case kI32:
        case kI64:
            return zigzag();
        default:
            skip(type);
            fail(Tr::tr("a metadata field has the wrong type"));
            return 0;
        }
    }
    bool boolean(int type)
    {
        if (type == kTrue || type == kFalse)
            return type == kTrue;
        skip(type);
        fail(Tr::tr("a metadata field has the wrong type"));
        return false;
    }
    QByteArray binary(int type)
    {
        if (type != kBinary) {
            skip(type);
            fail(Tr::tr("a metadata field has the wrong type"));
            return {};
        }
        const quint64 n = varint();
        if (n > quint64(remaining())) {
            fail(Tr::tr("a string in the metadata runs past its end"));
            return {};
        }
        QByteArray out(reinterpret_cast<const char*>(m_p), qsizetype(n));
        m_p += n;
        return out;
    }

    // Calls f(fieldId, type) for each field of a struct; f returns false for a field it did not read (skipped here).
    template <class F> void structure(F&& f)
    {
        if (++m_depth > kMaxThriftDepth) {
            fail(Tr::tr("metadata nests too deeply"));
            return;
        }
        qint64 last = 0;
        while (!failed()) {
            if (m_p >= m_end) {
                fail(Tr::tr("metadata cut short"));
                break;
            }
            const uchar h = *m_p++;
            const int type = h & 0x0f;
            if (type == kStop)
                break;
            const int delta = h >> 4;
            const qint64 id = delta ? last + delta : zigzag();
            last = id;
            if (!f(qint32(id), type))
                skip(type);
        }
        --m_depth;
    }

    // Calls f(elementType) for each element of a list (or set) field; another type is skipped and is an error.
    template <class F> void list(int type, F&& f)
    {
        if (type != kList && type != kSet) {
            skip(type);
            fail(Tr::tr("a metadata field has the wrong type"));
            return;
        }
        const auto [count, elementType] = listHeader();
        for (quint64 i = 0; i < count && !failed(); ++i)
            f(elementType);
    }

    void skip(int type)
    {
        if (++m_depth > kMaxThriftDepth) {
            fail(Tr::tr("metadata nests too deeply"));
            return;
        }
        switch (type) {
        case kTrue:
        case kFalse:
            break; // a struct field's boolean is its type
        case kByte:
            advance(1);
            break;
        case kI16:
        case kI32:
        case kI64:
            varint();
            break;
        case kDouble:
            advance(8);
            break;
        case kBinary:
            binary(kBinary);
            break;
        case kList:
        case kSet: {
            const auto [count, elementType] = listHeader();
            for (quint64 i = 0; i < count && !failed(); ++i)
                skipElement(elementType);
            break;
        }
        case kMap: {
            const quint64 count = varint();
            if (count > quint64(remaining())) {
                fail(Tr::tr("a metadata map is larger than the metadata"));
                break;
            }
            if (count == 0)
                break;
            if (m_p >= m_end) {
                fail(Tr::tr("metadata cut short"));
                break;
            }
            const uchar kv = *m_p++;
            for (quint64 i = 0; i < count && !failed(); ++i) {
                skipElement(kv >> 4);
                skipElement(kv & 0x0f);
            }
            break;
        }
        case kStruct:
            structure([](qint32, int) { return false; });
            break;
        default:
            fail(Tr::tr("unknown metadata type %1").arg(type));
        }
        --m_depth;
    }

private:
    std::pair<quint64, int> listHeader()
    {
        if (m_p >= m_end) {
            fail(Tr::tr("metadata cut short"));
            return {0, 0};
        }
        const uchar h = *m_p++;
        quint64 count = h >> 4;
        if (count == 15)
            count = varint();
        if (count > quint64(remaining())) { // every element takes at least one byte
            fail(Tr::tr("a metadata list is larger than the metadata"));
            return {0, 0};
        }
        return {count, h & 0x0f};
    }
    void skipElement(int type)
    {
        if (type == kTrue || type == kFalse) // a boolean inside a list or map is one byte
            advance(1);
        else
            skip(type);
    }
    void advance(qsizetype n)
    {
        if (n > remaining())
            fail(Tr::tr("metadata cut short"));
        else
            m_p += n;
    }

    const uchar* m_begin;
    const uchar* m_p;
    const uchar* m_end;
    int m_depth = 0;
    QString m_error;
};

} // namespace tl::parquet
