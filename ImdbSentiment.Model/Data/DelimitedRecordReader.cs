using System.Buffers;
using System.Text;

namespace ImdbSentiment.Model.Data;

/// <summary>
/// Streams delimited records, quoted as <see cref="DelimitedQuoting"/> says: RFC 4180 (a field in double quotes may hold
/// separators, line breaks and doubled quotes ""), lenient, or none. Lines may end in CRLF, LF or CR. Blank lines hold
/// no record and are passed over. A quote inside an unquoted field is kept as a plain character. No record is held
/// beyond <see cref="RecordLimit.MaxLength"/> characters, so memory stays bounded whatever the input.
/// </summary>
internal sealed class DelimitedRecordReader : IDisposable
{
    private const char Quote = '"';
    private static readonly SearchValues<char> QuoteOrLineBreak = SearchValues.Create("\"\r\n");

    private readonly TextReader _reader;
    private readonly char _separator;
    private readonly string _sourceName;
    private readonly DelimitedQuoting _quoting;
    private readonly bool _readPastOverlongRecords;
    private readonly bool _keepText;
    private readonly SearchValues<char> _fieldEnds;
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private char[] _buffer = new char[64 * 1024];
    private int _position;
    private int _length;
    private long _line = 1;

    // The record being read stays in the buffer from _recordStart (-1: none is kept), so that its length is known, its
    // text can be handed out, and a lenient quoted field can be read again as plain text from _fieldStart.
    private int _recordStart = -1;
    private int _fieldStart = -1;
    private bool _overlong;
    private bool _stopped;

    /// <param name="sourceName">The file named in error messages.</param>
    /// <param name="readPastOverlongRecords">
    /// Read on past a record over <see cref="RecordLimit.MaxLength"/> (without keeping it) and return it as
    /// <see cref="DelimitedRecord.Overlong"/>; false returns it as soon as the limit is passed and reads no further.
    /// </param>
    /// <param name="keepText">Hand out each record's text as it stood in the file (<see cref="DelimitedRecord.Text"/>).</param>
    public DelimitedRecordReader(
        TextReader reader, char separator, string sourceName, DelimitedQuoting quoting = DelimitedQuoting.Rfc4180,
        bool readPastOverlongRecords = false, bool keepText = false)
    {
        if (separator is Quote or '\r' or '\n')
            throw new ArgumentException("A quote or a line break cannot be the separator.", nameof(separator));
        _reader = reader;
        _separator = separator;
        _sourceName = sourceName;
        _quoting = quoting;
        _readPastOverlongRecords = readPastOverlongRecords;
        _keepText = keepText;
        _fieldEnds = SearchValues.Create([separator, '\r', '\n']);
    }

    /// <summary>
    /// Opens a UTF-8 file, with or without a byte order mark; a null separator is detected from its first line, a null
    /// quoting follows the separator (<see cref="DelimitedQuotingNames.Default"/>).
    /// </summary>
    public static DelimitedRecordReader Open(string path, char? separator, DelimitedQuoting? quoting = null, bool readPastOverlongRecords = false) =>
        Create(OpenText(path), separator, quoting, path, readPastOverlongRecords, keepText: false);

    /// <summary>
    /// Opens a UTF-8 file (with or without a byte order mark) keeping the bytes that are not UTF-8 as
    /// <see cref="EscapedBytes"/>, which <see cref="ByteRestoringWriter"/> writes back unchanged, and each record's text.
    /// A UTF-16 or UTF-32 file is read as its byte order mark says. A null separator is detected from the first line.
    /// The file is opened once and never sought, so it may be a pipe.
    /// </summary>
    internal static DelimitedRecordReader OpenKeepingInvalidBytes(string path, char? separator, DelimitedQuoting? quoting = null)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        var start = new byte[3];
        var peeked = start.AsMemory(0, file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false));
        TextReader text = peeked.Span.StartsWith(Utf16LittleEndianMark) || peeked.Span.StartsWith(Utf16BigEndianMark)
            ? new StreamReader(new ReplayingStream(peeked, file), Encoding.UTF8, detectEncodingFromByteOrderMarks: true)
            : new ByteKeepingUtf8Reader(new ReplayingStream(peeked.Span.StartsWith(Encoding.UTF8.Preamble) ? peeked[3..] : peeked, file));
        return Create(text, separator, quoting, path, readPastOverlongRecords: false, keepText: true);
    }

    private static DelimitedRecordReader Create(TextReader text, char? separator, DelimitedQuoting? quoting, string path, bool readPastOverlongRecords, bool keepText)
    {
        try
        {
            // Detection swaps the reader for one that replays the line it read, so it must run before the reader is taken.
            var detected = separator ?? SeparatorDetector.DetectAtStart(ref text, path);
            return new(text, detected, path, quoting ?? DelimitedQuotingNames.Default(detected), readPastOverlongRecords, keepText);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    private static ReadOnlySpan<byte> Utf16LittleEndianMark => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BigEndianMark => [0xFE, 0xFF];

    /// <summary>Opens a file as UTF-8, or as the encoding its byte order mark names.</summary>
    public static StreamReader OpenText(string path) =>
        new(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });

    public IEnumerable<DelimitedRecord> ReadRecords()
    {
        while (ReadRecord() is { } record)
            yield return record;
    }

    /// <summary>The next record, or null at the end of the input.</summary>
    /// <exception cref="DataFormatException">Reading RFC 4180: a quoted field is not closed, or its closing quote is followed by other text.</exception>
    /// <exception cref="InvalidOperationException">Called again after an overlong record that the reader did not read past.</exception>
    public DelimitedRecord? ReadRecord()
    {
        if (_stopped)
            throw new InvalidOperationException("The reader stopped at a record over the limit and cannot read on.");
        _recordStart = -1;
        while (Peek() is '\r' or '\n')
            EndLine(Read());
        if (Peek() < 0)
            return null;

        var startLine = _line;
        _recordStart = _position;
        _overlong = false;
        _fields.Clear();
        try
        {
            while (true)
            {
                ReadField(startLine);
                if (!_overlong)
                    _fields.Add(_field.ToString());
                _field.Clear();

                var length = _position - _recordStart;
                var end = Read();
                if (end == _separator)
                    continue;
                var overlong = _overlong || length > RecordLimit.MaxLength;
                var text = _keepText && !overlong ? new string(_buffer, _recordStart, length) : null;
                _recordStart = -1;
                if (end >= 0)
                    EndLine(end);
                return overlong ? Overlong(startLine) : new DelimitedRecord(startLine, [.. _fields], text);
            }
        }
        catch (LimitReachedException)
        {
            return Overlong(startLine);
        }
    }

    /// <summary>The separator given, or detected from the first line.</summary>
    public char Separator => _separator;

    public void Dispose() => _reader.Dispose();

    private DelimitedRecord Overlong(long startLine)
    {
        _recordStart = -1;
        _field.Clear();
        _stopped = !_readPastOverlongRecords;
        return new DelimitedRecord(startLine, [], Overlong: true);
    }

    private void ReadField(long startLine)
    {
        if (Peek() != Quote || _quoting == DelimitedQuoting.None || (_overlong && _quoting == DelimitedQuoting.Lenient))
        {
            ReadUnquotedField();
            return;
        }
        if (_quoting == DelimitedQuoting.Rfc4180)
        {
            _position++;
            ReadQuotedField(startLine, lenient: false);
            return;
        }

        // Lenient: quoted only if the whole field is a complete quoted field; else plain text from its first quote.
        _fieldStart = _position;
        var line = _line;
        bool quoted;
        try
        {
            _position++;
            quoted = ReadQuotedField(startLine, lenient: true);
        }
        catch (LimitReachedException) when (_fieldStart >= 0)
        {
            quoted = false;
        }
        if (!quoted)
        {
            _position = _fieldStart;
            _line = line;
            _field.Clear();
        }
        _fieldStart = -1;
        if (!quoted)
            ReadUnquotedField();
    }

    private void ReadUnquotedField()
    {
        while (FillBuffer())
        {
            var rest = _buffer.AsSpan(_position, _length - _position);
            var end = rest.IndexOfAny(_fieldEnds);
            if (end >= 0)
            {
                Keep(rest[..end]);
                _position += end;
                return;
            }
            Keep(rest);
            _position = _length;
        }
    }

    // Leaves the position on the separator or line break that follows the closing quote. Lenient, a field that is not a
    // complete quoted field gives false (RFC 4180 throws), and the caller reads it again as plain text.
    private bool ReadQuotedField(long startLine, bool lenient)
    {
        while (true)
        {
            if (!FillBuffer())
            {
                return lenient
                    ? false
                    : throw Malformed(startLine, $"field {_fields.Count + 1} opens a quote that is never closed: expected a closing '\"' before the end of the file");
            }
            var rest = _buffer.AsSpan(_position, _length - _position);
            var stop = rest.IndexOfAny(QuoteOrLineBreak);
            if (stop < 0)
            {
                Keep(rest);
                _position = _length;
                continue;
            }
            Keep(rest[..stop]);
            _position += stop;

            var c = (char)Read();
            if (c == Quote)
            {
                var next = Peek();
                if (next == Quote)
                {
                    _position++;
                    Keep([Quote]);
                    continue;
                }
                // Lenient, a closing quote past the limit does not count, however the input happened to be read.
                if (next < 0 || next == _separator || next is '\r' or '\n')
                    return !lenient || _position - _recordStart <= RecordLimit.MaxLength;
                return lenient ? false : throw Malformed(startLine, QuoteFollowedByText(startLine, (char)next));
            }

            Keep([c]);
            if (c == '\r' && Peek() == '\n')
            {
                _position++;
                Keep(['\n']);
            }
            _line++;
        }
    }

    // A quote that spans lines before text follows it is most often an opening quote that was never closed.
    private string QuoteFollowedByText(long startLine, char next)
    {
        var ending = $"{SeparatorNames.Describe(_separator)} or the end of the line";
        const string escaping = "a quote inside a quoted field is written \"\"";
        return _line == startLine
            ? $"the closing quote of field {_fields.Count + 1} must be followed by {ending}, but '{next}' follows it ({escaping})"
            : $"field {_fields.Count + 1} opens a quote that is not closed on line {startLine}: the quote on line {_line} was read as its closing quote, but '{next}' follows it (expected {ending} after a closing quote; {escaping})";
    }

    private DataFormatException Malformed(long line, string problem) =>
        new(_sourceName, line, $"{problem}; if the file does not quote its fields, read it with Quoting lenient (a quote that does not enclose its whole field is then plain text)",
            nameof(DelimitedFileOptions.Quoting));

    private void Keep(ReadOnlySpan<char> text)
    {
        if (!_overlong)
            _field.Append(text);
    }

    private void EndLine(int lineBreak)
    {
        if (lineBreak == '\r' && Peek() == '\n')
            _position++;
        _line++;
    }

    private bool FillBuffer()
    {
        if (_position < _length)
            return true;
        if (_recordStart >= 0 && _length - _recordStart > RecordLimit.MaxLength)
            PassedLimit();
        if (_recordStart < 0)
        {
            _position = 0;
            _length = _reader.Read(_buffer, 0, _buffer.Length);
            return _length > 0;
        }

        KeepRecord();
        var read = _reader.Read(_buffer, _length, _buffer.Length - _length);
        _length += read;
        return read > 0;
    }

    // Moves the record being read to the buffer's start, and grows the buffer when the record fills it.
    private void KeepRecord()
    {
        if (_recordStart > 0)
        {
            _buffer.AsSpan(_recordStart, _length - _recordStart).CopyTo(_buffer);
            _length -= _recordStart;
            _position -= _recordStart;
            if (_fieldStart >= 0)
                _fieldStart -= _recordStart;
            _recordStart = 0;
        }
        if (_length == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
    }

    // The record passed the limit: a lenient quoted field is read again as plain text; else the record is overlong, and
    // the reader either stops or reads on to its end without keeping it.
    private void PassedLimit()
    {
        if (_fieldStart >= 0 || !_readPastOverlongRecords)
            throw new LimitReachedException();
        _overlong = true;
        _recordStart = -1;
        _field.Clear();
    }

    private int Peek() => FillBuffer() ? _buffer[_position] : -1;

    private int Read() => FillBuffer() ? _buffer[_position++] : -1;

    private sealed class LimitReachedException : Exception;
}
