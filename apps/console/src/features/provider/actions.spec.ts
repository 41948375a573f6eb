import { needsReason, ownerActions } from './actions';

describe('ownerActions', () => {
  it('offers each status its own moves, closing from any open state', () => {
    expect(ownerActions('draft')).toEqual(['submit', 'close']);
    expect(ownerActions('pending_review')).toEqual(['close']);
    expect(ownerActions('published')).toEqual(['pause', 'close']);
    expect(ownerActions('paused')).toEqual(['resume', 'close']);
    expect(ownerActions('closed')).toEqual([]);
    expect(ownerActions('unknown')).toEqual([]);
  });

  it('asks a reason only to close', () => {
    expect(needsReason('close')).toBe(true);
    expect(needsReason('pause')).toBe(false);
  });
});
