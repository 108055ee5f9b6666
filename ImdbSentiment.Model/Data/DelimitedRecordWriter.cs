using System.Buffers;
using System.Text;

namespace ImdbSentiment.Model.Data;

/// <summary>
/// Writes RFC 4180 records that <see cref="DelimitedRecordReader"/> reads back identically: a field is quoted only
/// when it holds the separator, a quote or a line break. Records end in LF.
/// </summary>
internal sealed class DelimitedRecordWriter : IDisposable
{
    private const char Quote = '"';

    private readonly TextWriter _writer;
    private readonly char _separator;
    private readonly bool _leaveOpen;
    private readonly SearchValues<char> _needsQuotes;

    public DelimitedRecordWriter(TextWriter writer, char separator, bool leaveOpen = false)
    {
        if (separator is Quote or '\r' or '\n')
            throw new ArgumentException("A quote or a line break cannot be the separator.", nameof(separator));
        _writer = writer;
        _separator = separator;
        _leaveOpen = leaveOpen;
        _needsQuotes = SearchValues.Create([separator, Quote, '\r', '\n']);
    }

    /// <summary>Creates or overwrites a UTF-8 file without a byte order mark.</summary>
    public static DelimitedRecordWriter Create(string path, char separator) =>
        new(new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)), separator);

    /// <summary>Creates or overwrites a file like <see cref="Create"/>, writing the bytes a reader kept escaped back as they were.</summary>
    internal static DelimitedRecordWriter CreateRestoringBytes(string path, char separator) => new(new ByteRestoringWriter(File.Create(path)), separator);

    public void WriteRecord(params IReadOnlyList<string> fields)
    {
        if (fields.Count == 0)
            throw new ArgumentException("A record needs at least one field.", nameof(fields));
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
                _writer.Write(_separator);
            WriteField(fields[i], isOnlyField: fields.Count == 1);
        }
        _writer.Write('\n');
    }

    /// <summary>Writes a record's text as it stood in its file, then more fields after it, quoted as <see cref="WriteRecord"/> quotes them.</summary>
    public void WriteExtended(string recordText, IReadOnlyList<string> appended)
    {
        _writer.Write(recordText);
        foreach (var field in appended)
        {
            _writer.Write(_separator);
            WriteField(field, isOnlyField: false);
        }
        _writer.Write('\n');
    }

    public void Flush() => _writer.Flush();

    public void Dispose()
    {
        if (_leaveOpen)
            _writer.Flush();
        else
            _writer.Dispose();
    }

    private void WriteField(string field, bool isOnlyField)
    {
        // A record of one empty field would otherwise be a blank line, which readers pass over.
        if (field.AsSpan().IndexOfAny(_needsQuotes) < 0 && !(isOnlyField && field.Length == 0))
        {
            _writer.Write(field);
            return;
        }
        _writer.Write(Quote);
        _writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write(Quote);
    }
}
