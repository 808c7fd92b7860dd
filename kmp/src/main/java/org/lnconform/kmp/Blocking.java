package org.lnconform.kmp;

import java.util.function.Function;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.CoroutineContext;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlin.coroutines.intrinsics.IntrinsicsKt;

/**
 * Calls a Kotlin {@code suspend} function from Java when every callback it is given returns at
 * once (a blocking read, an in-memory write): the function then never suspends and its result is
 * the call's return value. If it did suspend, that is a programming error here.
 */
final class Blocking {

    private Blocking() {}

    private static final Continuation<Object> NEVER_RESUMED = new Continuation<>() {
        @Override
        public CoroutineContext getContext() {
            return EmptyCoroutineContext.INSTANCE;
        }

        @Override
        public void resumeWith(Object result) {
            throw new IllegalStateException("a lightning-kmp suspend function was resumed after suspending");
        }
    };

    @SuppressWarnings("unchecked")
    static <T> T call(Function<Continuation<? super T>, Object> suspendCall) {
        Object result = suspendCall.apply((Continuation<? super T>) (Continuation<?>) NEVER_RESUMED);
        if (result == IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
            throw new IllegalStateException("a lightning-kmp suspend function suspended; callbacks must not suspend");
        }
        return (T) result;
    }
}
