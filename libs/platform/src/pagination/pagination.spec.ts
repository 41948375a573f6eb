import { windowTotalPage } from './pagination.dto';

describe(windowTotalPage.name, () => {
  const never = () => Promise.reject(new Error('counted a page that carries its total'));

  it('takes the total from the rows’ window column and drops the column', async () => {
    const page = await windowTotalPage(
      [
        { id: 'a', total: '12' },
        { id: 'b', total: '12' },
      ],
      { page: 3 },
      never,
    );
    expect(page).toEqual({ rows: [{ id: 'a' }, { id: 'b' }], total: 12 });
  });

  it('counts alone a page past the last one, which has no row to carry the total', async () => {
    const counted = jest.fn().mockResolvedValue(7);
    expect(await windowTotalPage([], { page: 5 }, counted)).toEqual({ rows: [], total: 7 });
    expect(counted).toHaveBeenCalledTimes(1);
  });

  it('answers an empty first page with 0 without counting', async () => {
    expect(await windowTotalPage([], { page: 1 }, never)).toEqual({ rows: [], total: 0 });
  });
});
