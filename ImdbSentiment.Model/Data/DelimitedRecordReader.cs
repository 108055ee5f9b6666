using System.Buffers;
using System.Text;

namespace ImdbSentiment.Model.Data;

/// <summary>
/// Streams RFC 4180 records: a field in double quotes may hold separators, line breaks and doubled quotes ("").
/// Lines may end in CRLF, LF or CR. Blank lines hold no record and are passed over. A quote inside an
/// unquoted field is kept as a plain character.
/// </summary>
internal sealed class DelimitedRecordReader : IDisposable
{
    private const char Quote = '"';
    private static readonly SearchValues<char> QuoteOrLineBreak = SearchValues.Create("\"\r\n");

    private readonly TextReader _reader;
    private readonly char _separator;
    private readonly string _sourceName;
    private readonly SearchValues<char> _fieldEnds;
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private int _position;
    private int _length;
    private long _line = 1;

    /// <param name="sourceName">The file named in error messages.</param>
    public DelimitedRecordReader(TextReader reader, char separator, string sourceName)
    {
        if (separator is Quote or '\r' or '\n')
            throw new ArgumentException("A quote or a line break cannot be the separator.", nameof(separator));
        _reader = reader;
        _separator = separator;
        _sourceName = sourceName;
        _fieldEnds = SearchValues.Create([separator, '\r', '\n']);
    }

    /// <summary>Opens a UTF-8 file, with or without a byte order mark; a null separator is detected from its first line.</summary>
    public static DelimitedRecordReader Open(string path, char? separator) => Create(OpenText(path), separator, path);

    /// <summary>
    /// Opens a UTF-8 file (with or without a byte order mark) keeping the bytes that are not UTF-8 as
    /// <see cref="EscapedBytes"/>, which <see cref="ByteRestoringWriter"/> writes back unchanged.
    /// A UTF-16 or UTF-32 file is read as its byte order mark says. A null separator is detected from the first line.
    /// The file is opened once and never sought, so it may be a pipe.
    /// </summary>
    internal static DelimitedRecordReader OpenKeepingInvalidBytes(string path, char? separator)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        var start = new byte[3];
        var peeked = start.AsMemory(0, file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false));
        TextReader text = peeked.Span.StartsWith(Utf16LittleEndianMark) || peeked.Span.StartsWith(Utf16BigEndianMark)
            ? new StreamReader(new ReplayingStream(peeked, file), Encoding.UTF8, detectEncodingFromByteOrderMarks: true)
            : new ByteKeepingUtf8Reader(new ReplayingStream(peeked.Span.StartsWith(Encoding.UTF8.Preamble) ? peeked[3..] : peeked, file));
        return Create(text, separator, path);
    }

    private static DelimitedRecordReader Create(TextReader text, char? separator, string path)
    {
        try
        {
            // Detection swaps the reader for one that replays the line it read, so it must run before the reader is taken.
            var detected = separator ?? SeparatorDetector.DetectAtStart(ref text, path);
            return new(text, detected, path);
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
    /// <exception cref="DataFormatException">A quoted field is not closed, or its closing quote is followed by other text.</exception>
    public DelimitedRecord? ReadRecord()
    {
        while (Peek() is '\r' or '\n')
            EndLine(Read());
        if (Peek() < 0)
            return null;

        var startLine = _line;
        _fields.Clear();
        while (true)
        {
            if (Peek() == Quote)
            {
                _position++;
                ReadQuotedField(startLine);
            }
            else
            {
                ReadUnquotedField();
            }
            _fields.Add(_field.ToString());
            _field.Clear();

            var end = Read();
            if (end == _separator)
                continue;
            if (end >= 0)
                EndLine(end);
            return new DelimitedRecord(startLine, [.. _fields]);
        }
    }

    /// <summary>The separator given, or detected from the first line.</summary>
    public char Separator => _separator;

    public void Dispose() => _reader.Dispose();

    private void ReadUnquotedField()
    {
        while (FillBuffer())
        {
            var rest = _buffer.AsSpan(_position, _length - _position);
            var end = rest.IndexOfAny(_fieldEnds);
            if (end >= 0)
            {
                _field.Append(rest[..end]);
                _position += end;
                return;
            }
            _field.Append(rest);
            _position = _length;
        }
    }

    // Leaves the position on the separator or line break that follows the closing quote.
    private void ReadQuotedField(long startLine)
    {
        while (true)
        {
            if (!FillBuffer())
                throw Malformed(startLine, $"field {_fields.Count + 1} opens a quote that is never closed: expected a closing '\"' before the end of the file");
            var rest = _buffer.AsSpan(_position, _length - _position);
            var stop = rest.IndexOfAny(QuoteOrLineBreak);
            if (stop < 0)
            {
                _field.Append(rest);
                _position = _length;
                continue;
            }
            _field.Append(rest[..stop]);
            _position += stop;

            var c = (char)Read();
            if (c == Quote)
            {
                var next = Peek();
                if (next == Quote)
                {
                    _position++;
                    _field.Append(Quote);
                    continue;
                }
                if (next < 0 || next == _separator || next is '\r' or '\n')
                    return;
                throw Malformed(startLine, QuoteFollowedByText(startLine, (char)next));
            }

            _field.Append(c);
            if (c == '\r' && Peek() == '\n')
            {
                _position++;
                _field.Append('\n');
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

    private DataFormatException Malformed(long line, string problem) => new(_sourceName, line, problem);

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
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }

    private int Peek() => FillBuffer() ? _buffer[_position] : -1;

    private int Read() => FillBuffer() ? _buffer[_position++] : -1;
}
