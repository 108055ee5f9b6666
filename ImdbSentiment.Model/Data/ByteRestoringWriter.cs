using System.Text;

namespace ImdbSentiment.Model.Data;

/// <summary>
/// Writes text as UTF-8 without a byte order mark, except that the escaped bytes of <see cref="EscapedBytes"/>
/// are written back as the bytes they were, so a field read and written again is the same bytes.
/// </summary>
internal sealed class ByteRestoringWriter(Stream stream) : TextWriter
{
    private static readonly byte[] Replacement = [0xEF, 0xBF, 0xBD];

    private readonly Stream _stream = new BufferedStream(stream, 1 << 16);
    private const int MaxCharsPerPiece = 4096;

    private readonly byte[] _encoded = new byte[4];
    private readonly byte[] _bulk = new byte[MaxCharsPerPiece * 3];
    private char _highSurrogate;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Put(value);

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> buffer)
    {
        // Runs without surrogates (nearly all text) are encoded in bulk; surrogates, escaped bytes among them, one by one.
        while (!buffer.IsEmpty)
        {
            var run = _highSurrogate != 0 ? 0 : buffer.IndexOfAnyInRange('\uD800', '\uDFFF');
            if (run < 0)
                run = buffer.Length;
            if (run == 0)
            {
                Put(buffer[0]);
                buffer = buffer[1..];
                continue;
            }
            var piece = buffer[..Math.Min(run, MaxCharsPerPiece)];
            _stream.Write(_bulk, 0, Encoding.UTF8.GetBytes(piece, _bulk));
            buffer = buffer[piece.Length..];
        }
    }

    public override void Flush()
    {
        _stream.Flush();
        base.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_highSurrogate != 0)
                _stream.Write(Replacement);
            _stream.Dispose();
        }
        base.Dispose(disposing);
    }

    private void Put(char c)
    {
        if (_highSurrogate != 0)
        {
            var high = _highSurrogate;
            _highSurrogate = '\0';
            if (char.IsLowSurrogate(c))
            {
                _stream.Write(_encoded, 0, new Rune(high, c).EncodeToUtf8(_encoded));
                return;
            }
            _stream.Write(Replacement);
        }

        if (c < 0x80)
            _stream.WriteByte((byte)c);
        else if (char.IsHighSurrogate(c))
            _highSurrogate = c;
        else if (EscapedBytes.IsEscape(c))
            _stream.WriteByte(EscapedBytes.ByteOf(c));
        else if (char.IsLowSurrogate(c))
            _stream.Write(Replacement);
        else
            _stream.Write(_encoded, 0, new Rune(c).EncodeToUtf8(_encoded));
    }
}
