import { demoAccounts } from './demo-accounts';

describe('demo accounts', () => {
  it('are an admin, a reviewer, a leader (区领导) and one owner per unit, named after the unit', () => {
    const accounts = demoAccounts([
      { id: 'u-1', code: 'transport', name: '区交通局' },
      { id: 'u-2', code: 'civil_affairs', name: '区民政局' },
    ]);
    expect(accounts).toEqual([
      { username: 'admin', displayName: '平台管理员', role: 'admin', unitId: null },
      { username: 'reviewer', displayName: '区发展改革委审核员', role: 'reviewer', unitId: null },
      { username: 'leader', displayName: '区领导', role: 'leader', unitId: null },
      { username: 'owner_transport', displayName: '区交通局项目负责人', role: 'owner', unitId: 'u-1' },
      { username: 'owner_civil_affairs', displayName: '区民政局项目负责人', role: 'owner', unitId: 'u-2' },
    ]);
  });
});
