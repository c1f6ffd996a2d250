using System.Runtime.InteropServices;

namespace Rake.Modules.Workflows.Engine.Expressions;

/// <summary>
/// How much native stack the current thread has left, measured from the operating system's bounds of the thread's
/// stack (read once per thread) and the address of a local. Null where the bounds cannot be read: the caller then
/// treats the stack as unknown (docs/adr/0188).
/// </summary>
internal static class ThreadStack
{
    /// <summary>Kept off the measured figure: a guard page and whatever the operating system reports loosely.</summary>
    private const long Margin = 64 * 1024;

    [ThreadStatic]
    private static nuint lowest;

    [ThreadStatic]
    private static bool read;

    public static long? Remaining()
    {
        if (!read)
        {
            lowest = ReadLowest();
            read = true;
        }
        if (lowest == 0)
        {
            return null;
        }
        var here = Here();
        return here > lowest ? (long)(here - lowest) - Margin : 0;
    }

    private static unsafe nuint Here()
    {
        byte probe = 0;
        return (nuint)(&probe);
    }

    private static nuint ReadLowest()
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                return Linux.Lowest();
            }
            if (OperatingSystem.IsWindows())
            {
                Windows.GetCurrentThreadStackLimits(out var low, out _);
                return low;
            }
            if (OperatingSystem.IsMacOS())
            {
                var self = Mac.pthread_self();
                return Mac.pthread_get_stackaddr_np(self) - Mac.pthread_get_stacksize_np(self);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
        {
            // Unknown: evaluations go to a worker thread, as before.
        }
        return 0;
    }

    private static class Linux
    {
        public static unsafe nuint Lowest()
        {
            // pthread_attr_t is 56 bytes on x86-64 glibc and 64 on arm64; musl's is smaller.
            var attr = stackalloc byte[256];
            if (pthread_getattr_np(pthread_self(), attr) != 0)
            {
                return 0;
            }
            try
            {
                return pthread_attr_getstack(attr, out var address, out var size) == 0 && size > 0 ? address : 0;
            }
            finally
            {
                _ = pthread_attr_destroy(attr);
            }
        }

        [DllImport("libc", ExactSpelling = true)]
        private static extern nuint pthread_self();

        [DllImport("libc", ExactSpelling = true)]
        private static extern unsafe int pthread_getattr_np(nuint thread, byte* attr);

        [DllImport("libc", ExactSpelling = true)]
        private static extern unsafe int pthread_attr_getstack(byte* attr, out nuint address, out nuint size);

        [DllImport("libc", ExactSpelling = true)]
        private static extern unsafe int pthread_attr_destroy(byte* attr);
    }

    private static class Windows
    {
        [DllImport("kernel32", ExactSpelling = true)]
        public static extern void GetCurrentThreadStackLimits(out nuint low, out nuint high);
    }

    private static class Mac
    {
        [DllImport("libc", ExactSpelling = true)]
        public static extern nuint pthread_self();

        [DllImport("libc", ExactSpelling = true)]
        public static extern nuint pthread_get_stackaddr_np(nuint thread);

        [DllImport("libc", ExactSpelling = true)]
        public static extern nuint pthread_get_stacksize_np(nuint thread);
    }
}
