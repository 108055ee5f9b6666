using System.Buffers.Binary;
using System.Text;

namespace ImdbSentiment.Model.Serving;

/// <summary>
/// One Model.key entry of an ML.NET model zip, as ML.NET's ModelHeader lays it out: a 256-byte header, the step's
/// model block, its string table (UTF-16 strings, each ending at a byte offset the table gives) and a tail signature.
/// Only what the header says is read; what the block means is the reader's business.
/// </summary>
internal sealed record SavedStep(string Folder, string LoaderSignature, IReadOnlyList<string> Strings, byte[] Block)
{
    private const ulong Signature = 0x4C45444F4D004C4DUL;
    private const ulong TailSignature = 0x4D4C004D4F44454CUL;
    private const int HeaderSize = 0x100;
    private const int LoaderSignatureOffset = 0x50, LoaderSignatureLength = 24;

    /// <exception cref="InvalidDataException">The bytes are not a whole ML.NET model entry.</exception>
    public static SavedStep Parse(string folder, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize || BinaryPrimitives.ReadUInt64LittleEndian(bytes) != Signature)
            throw new InvalidDataException($"{folder}: not an ML.NET model entry");
        var block = Range(bytes, 0x10);
        var stringTable = Range(bytes, 0x20);
        var stringChars = Range(bytes, 0x30);
        var tail = Int64(bytes, 0x80);
        if (tail < 0 || tail > bytes.Length - sizeof(ulong) || BinaryPrimitives.ReadUInt64LittleEndian(bytes[(int)tail..]) != TailSignature)
            throw new InvalidDataException($"{folder}: the model entry has no tail");

        var loader = Encoding.ASCII.GetString(bytes.Slice(LoaderSignatureOffset, LoaderSignatureLength)).TrimEnd('\0');
        return new SavedStep(folder, loader, ReadStrings(bytes[stringTable], bytes[stringChars], folder), bytes[block].ToArray());
    }

    /// <summary>The block's little-endian 32-bit integer at <paramref name="offset"/>.</summary>
    public int Int32At(int offset) =>
        offset >= 0 && offset <= Block.Length - sizeof(int)
            ? BinaryPrimitives.ReadInt32LittleEndian(Block.AsSpan(offset))
            : throw new InvalidDataException($"{Folder}: the model block ends before offset {offset}");

    private static string[] ReadStrings(ReadOnlySpan<byte> table, ReadOnlySpan<byte> chars, string folder)
    {
        if (table.Length % sizeof(long) != 0)
            throw new InvalidDataException($"{folder}: the string table is not whole");
        var strings = new string[table.Length / sizeof(long)];
        long start = 0;
        for (var i = 0; i < strings.Length; i++)
        {
            var end = BinaryPrimitives.ReadInt64LittleEndian(table[(i * sizeof(long))..]);
            if (end < start || end > chars.Length || (end - start) % sizeof(char) != 0)
                throw new InvalidDataException($"{folder}: string {i} lies outside the string characters");
            strings[i] = Encoding.Unicode.GetString(chars[(int)start..(int)end]);
            start = end;
        }
        return strings;
    }

    /// <summary>The (offset, length) pair of 64-bit integers at <paramref name="at"/>, checked to lie inside the entry.</summary>
    private static Range Range(ReadOnlySpan<byte> bytes, int at)
    {
        var (offset, length) = (Int64(bytes, at), Int64(bytes, at + sizeof(long)));
        if (length == 0)
            return new Range(0, 0);
        if (offset < HeaderSize || length < 0 || offset > bytes.Length - length)
            throw new InvalidDataException("an ML.NET model entry points outside itself");
        return new Range((int)offset, (int)(offset + length));
    }

    private static long Int64(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]);
}
