using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ImdbSentiment.Model.IO;

/// <summary>What a path or an open file is on disk, links followed: its kind and its identity (device and inode).</summary>
/// <remarks>
/// .NET reports neither the kind of a non-regular file (a device, a FIFO) nor an inode, so on Linux they come from
/// statx(2), whose buffer has one layout on every architecture. Elsewhere a path under /dev is taken for a stream and
/// files have no identity (<see cref="Inode"/> 0): two spellings of one file then compare by their resolved paths only.
/// </remarks>
internal readonly record struct FileNode(FileNodeKind Kind, ulong Device, ulong Inode)
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const int EmptyPath = 0x1000; // AT_EMPTY_PATH: the descriptor itself
    private const uint BasicStats = 0x7ff; // STATX_BASIC_STATS
    private const int BufferSize = 256;

    /// <returns>Null when nothing is there (or a link leads nowhere).</returns>
    public static FileNode? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
            return Directory.Exists(path) ? new FileNode(FileNodeKind.Directory, 0, 0)
                : File.Exists(path) ? new FileNode(Path.GetFullPath(path).StartsWith("/dev/", StringComparison.Ordinal) ? FileNodeKind.Stream : FileNodeKind.Regular, 0, 0)
                : null;
        var buffer = new byte[BufferSize];
        return Statx(CurrentDirectory, path, 0, BasicStats, buffer) == 0 ? Parse(buffer) : null;
    }

    /// <summary>The file a handle has open, which may no longer be the one its path names.</summary>
    public static FileNode? Of(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var buffer = new byte[BufferSize];
        var descriptor = (int)handle.DangerousGetHandle();
        return Statx(descriptor, "", EmptyPath, BasicStats, buffer) == 0 ? Parse(buffer) : null;
    }

    /// <summary>Whether both are the same file on disk; false when identities are unknown.</summary>
    public bool IsSameFileAs(FileNode other) => Inode != 0 && Inode == other.Inode && Device == other.Device;

    // struct statx: stx_mode (u16) at 28, stx_ino (u64) at 32, stx_dev_major and stx_dev_minor (u32) at 136 and 140.
    private static FileNode Parse(byte[] buffer)
    {
        var mode = MemoryMarshal.Read<ushort>(buffer.AsSpan(28)) & 0xF000;
        var kind = mode switch
        {
            0x8000 => FileNodeKind.Regular,
            0x4000 => FileNodeKind.Directory,
            _ => FileNodeKind.Stream,
        };
        var inode = MemoryMarshal.Read<ulong>(buffer.AsSpan(32));
        var device = ((ulong)MemoryMarshal.Read<uint>(buffer.AsSpan(136)) << 32) | MemoryMarshal.Read<uint>(buffer.AsSpan(140));
        return new FileNode(kind, device, inode);
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}

internal enum FileNodeKind
{
    Regular,
    Directory,

    /// <summary>A character or block device, a FIFO or a socket: what is written there goes somewhere else, so it is written through, never replaced.</summary>
    Stream,
}
